@job-actions
Feature: Start, Stop and Delete OTA Job
  A job is started and stopped by the sibling operations of Create OTA Job, and deleted once it is stopped. The
  jobs these scenarios start are dormant: their scope selects only devices on a firmware version no device runs,
  and their schedule opens in 30 days, so starting one upgrades no device; the kit stops and deletes them at the
  end of the run.

  Rule: ACTION-24404 Start, Stop and Delete OTA Job of a job the organization does not have answer 24404

    Scenario Outline: To <action> a job that does not exist is answered with 24404
      When I <action> a job that does not exist
      Then the answer is the error 24404 "Job not found"

      Examples:
        | action |
        | start  |
        | stop   |
        | delete |

  Rule: START-24615 Start OTA Job on a started job answers 24615 "Job has started"

    @starts-job
    Scenario: Starting a started job is answered with 24615
      Given a dormant job of the kit that has been started
      When I start the job
      Then the answer is the error 24615 "Job has started"

  Rule: STOP-24616 Stop OTA Job on a stopped job answers 24616 "Job has stopped"

    @creates-job
    Scenario: Stopping a stopped job is answered with 24616
      Given a dormant job of the kit that is stopped
      When I stop the job
      Then the answer is the error 24616 "Job has stopped"

  Rule: DELETE-24618 Delete OTA Job on a started job answers 24618 "Not allowed to delete running job"

    @starts-job
    Scenario: Deleting a started job is answered with 24618
      Given a dormant job of the kit that has been started
      When I delete the job
      Then the answer is the error 24618 "Not allowed to delete running job"

  Rule: DELETE-GONE A deleted job is gone

    @creates-job
    Scenario: A deleted job is answered with 24404 afterwards
      Given a dormant job of the kit that is stopped
      When I delete the job
      Then the job is deleted
      When I read the job back
      Then the answer is the error 24404 "Job not found"
