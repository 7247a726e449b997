@search-ota-job
Feature: Search OTA Job
  Search OTA Job (action=search) lists the organization's jobs that match an expression, newest first, one page at
  a time: the jobs in data, and pagination beside data with the totalSize of all that match (vendor page "Search OTA
  Job"; EnOS API overview, pagination). The kit looks for jobs of its own among whatever else the organization has,
  reading pages of 50 until it has seen them, at most 10 pages. The jobs it creates for that are dormant and never
  started: their scope selects only devices on a firmware version no device runs, and their schedule opens in 30
  days. The kit deletes them at the end of the run.

  Rule: SEARCH-JOB-FOUND Search OTA Job finds a job of the organization by its firmwareId and answers it as a JobInfo

    @creates-job
    Scenario: The kit's job is found by its firmwareId
      Given a dormant job of the kit on the ready firmware
      When I search the organization's jobs on the ready firmware
      Then the kit's job is among the jobs answered, as a JobInfo with its firmwareId and type

  Rule: SEARCH-JOB-BY-VERSION From EnOS 2.3, Search OTA Job finds a job by the firmwareVersion of its firmware

    @creates-job
    Scenario: The kit's job is found by its firmware's version
      Given a dormant job of the kit on the ready firmware
      When I search the organization's jobs on the ready firmware's version
      Then the kit's job is among the jobs answered

  Rule: SEARCH-JOB-FILTER Every job Search OTA Job answers matches the expression

    @creates-job
    Scenario Outline: A search for the type <type> answers <type> jobs only
      Given a dormant job of the kit on the ready firmware
      And a dormant verification job of the kit on the ready firmware
      When I search the organization's jobs of the type "<type>"
      Then every job answered has the type "<type>"
      And the kit's "<type>" job is among them

      Examples:
        | type    |
        | upgrade |
        | verify  |

  Rule: SEARCH-JOB-PAGINATION Search OTA Job answers pagination beside data, with at most pageSize jobs and the totalSize of all that match

    @creates-job
    Scenario: Two jobs on the firmware, one per page
      Given two dormant jobs of the kit on the ready firmware, one created after the other
      When I search the organization's jobs on the ready firmware, 1 per page
      Then the answer holds 1 job, with pagination beside data
      And its totalSize counts the kit's 2 jobs at least
      When I ask for page 2
      Then the answer holds 1 job, with pagination beside data
      And it is not the job of page 1

  Rule: SEARCH-JOB-ORDER Search OTA Job answers jobs sorted by createTime, newest first

    @creates-job
    Scenario: The newer of two jobs comes first
      Given two dormant jobs of the kit on the ready firmware, one created after the other
      When I search the organization's jobs on the ready firmware
      Then the kit's newer job comes before its older one
      And createTime does not increase from one job to the next

  Rule: SEARCH-JOB-ISOLATION Search OTA Job never answers a job of another organization

    @creates-job
    Scenario: Another organization's search does not show the kit's job
      Given a dormant job of the kit on the ready firmware
      When another organization searches its jobs on the ready firmware
      Then the kit's job is not among the jobs answered to it
