@create-ota-job
Feature: Create OTA Job
  An OTA job upgrades devices to a firmware in bulk ("upgrade") or first tries the firmware on a few devices
  ("verify"). Creating one answers with the new job's id in data.jobId (vendor page "V2.1 Create OTA Job", return
  sample). What the request leaves out gets the documented defaults, which Get OTA Job shows.

  Rule: CREATE-SAMPLE The vendor page's request sample creates an upgrade job and answers its jobId

    @creates-job
    Scenario: The vendor page's request sample creates an upgrade job
      When I send the vendor page's request sample to create a job on the ready firmware
      Then the job is created
      And the answer carries the new job's id in data.jobId

  Rule: CREATE-VERIFY A verification job with a partial scope is created

    @creates-job
    Scenario: A verification job on one device is created
      When I create a verification job on the ready firmware for 1 device
      Then the job is created

  Rule: CREATE-DEFAULT-TIMEOUT Without upgradeTimeout a job gets 7200 seconds

    @creates-job
    Scenario Outline: <job> job created without upgradeTimeout has 7200 seconds
      When I create <job> job on the ready firmware without optional fields
      And I read the created job back
      Then the job has the upgradeTimeout 7200 seconds

      Examples:
        | job            |
        | an upgrade     |
        | a verification |

  Rule: CREATE-DEFAULT-CONCURRENCY Without maximumConcurrency an upgrade job gets 300

    @creates-job
    Scenario: An upgrade job created without maximumConcurrency has 300
      When I create an upgrade job on the ready firmware without optional fields
      And I read the created job back
      Then the job has the maximumConcurrency 300

  Rule: CREATE-DEFAULT-RETRY Without retryPolicy failed tasks are not retried

    @creates-job
    Scenario: An upgrade job created without retryPolicy does not retry
      When I create an upgrade job on the ready firmware without optional fields
      And I read the created job back
      Then the job has no retry policy

  Rule: CREATE-DEFAULT-SCHEDULE Without schedulePolicy the job starts at once and runs daily from 00:00:00 to 23:59:59

    @creates-job
    Scenario: An upgrade job created without schedulePolicy runs at once, all day
      When I create an upgrade job on the ready firmware without optional fields
      And I read the created job back
      Then the job has the default schedule, starting at once and running daily
