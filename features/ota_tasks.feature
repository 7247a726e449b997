@ota-tasks
Feature: Search, cancel and retry OTA tasks
  A started job has one task per device it upgrades. Search OTA Task (action=searchTask) lists tasks that match an
  expression (jobId, deviceKey, status, ...), one page at a time, with pagination beside data; Cancel OTA Task
  (action=cancelTask) and Retry OTA Task (action=retryTask) act on the tasks of one job, named by their deviceKeys
  (vendor pages "Search OTA Task", "Cancel OTA Task", "Retry OTA Task"). Against a gateway the kit acts only on a job
  that does not exist or on its own dormant jobs, which upgrade no device (see job_actions.feature), and reads the
  organization's tasks without touching them. The tasks a gateway makes for a dormant job stay before upgrading, so
  the kit retries and cancels them to check 24620 and 24621; where the gateway made no task, those scenarios are
  skipped. What needs devices that really upgrade runs against the kit's mock only (@mock-only): its simulated
  devices move on when the scenario moves the mock's clock (lifecycle.feature).

  Rule: SEARCH-TASK-ANSWER Search OTA Task by jobId answers a page of TaskInfo, each of that job, with pagination beside data

    @starts-job
    Scenario: The tasks of the kit's started job are answered as a page
      Given a dormant job of the kit that has been started
      When I search the tasks of the job
      Then the answer is a page of tasks, each of the job, with pagination beside data

    @mock-only @creates-job
    Scenario: A search by jobId answers that job's tasks only, one per device
      Given a started upgrade job on the ready firmware for deviceKey3
      And a started upgrade job on the ready firmware for deviceKey1 and deviceKey2
      When I search the tasks of the job
      Then the answer is a page of tasks, each of the job, with pagination beside data
      And there is one task for each of deviceKey1 and deviceKey2

  Rule: TASK-STATUS-VALUES A task's status is init, published, upgrading, succeeded or failed; its progress is 0 to 100, negative only when it failed

    Scenario: The organization's tasks have documented statuses and progress
      When I search the organization's tasks
      Then every task answered has a documented status and a progress from 0 to 100, negative only when it failed

    @mock-only @creates-job
    Scenario: Every task along a job's run has a documented status and progress
      Given a started upgrade job on the ready firmware for deviceKey1, deviceKey2, deviceKey3 and deviceKey4, 2 devices at a time, with an upgradeTimeout of 300 seconds
      When I search the job's tasks every 5 seconds of the mock's clock for 60 seconds, then once more 300 seconds later
      Then every task answered has a documented status and a progress from 0 to 100, negative only when it failed
      And the tasks answered went through init, published, upgrading, succeeded and failed

  Rule: TASK-ACTION-24404 Cancel and Retry OTA Task on a job the organization does not have answer 24404 "Job not found"

    Scenario Outline: To <action> the tasks of a job that does not exist is answered with 24404
      When I <action> the tasks of a job that does not exist
      Then the answer is the error 24404 "Job not found"

      Examples:
        | action |
        | cancel |
        | retry  |

  Rule: TASK-ACTION-24617 Cancel and Retry OTA Task on a stopped job answer 24617 "Job not running"

    @creates-job
    Scenario Outline: To <action> the tasks of a stopped job is answered with 24617
      Given a dormant job of the kit that is stopped
      When I <action> the tasks of the job's devices
      Then the answer is the error 24617 "Job not running"

      Examples:
        | action |
        | cancel |
        | retry  |

  Rule: CANCEL-24620 Cancel OTA Task of a task that is neither init nor published answers 24620

    @starts-job
    Scenario: Cancelling a task of the kit's dormant job that was cancelled already is answered with 24620
      Given a dormant job of the kit that has been started
      And a task of the job that is neither init nor published, cancelled by the kit if need be
      When I cancel that task
      Then the answer is the error 24620 "Only init or published tasks can be canceled"

    @mock-only @creates-job
    Scenario: Cancelling a task that is upgrading is answered with 24620
      Given a started upgrade job on the ready firmware for deviceKey1
      When 7 seconds pass on the mock's clock
      Then the job's tasks are:
        | deviceKey  | status    |
        | deviceKey1 | upgrading |
      When I cancel the task of deviceKey1
      Then the answer is the error 24620 "Only init or published tasks can be canceled"

  Rule: RETRY-24621 Retry OTA Task of a task that has not failed answers 24621

    @starts-job
    Scenario: Retrying a task of the kit's dormant job that has not failed is answered with 24621
      Given a dormant job of the kit that has been started
      And a task of the job that has not failed
      When I retry that task
      Then the answer is the error 24621 "Only failed tasks can be retried"

    @mock-only @creates-job
    Scenario: Retrying a task that succeeded is answered with 24621
      Given a started upgrade job on the ready firmware for deviceKey1
      When 30 seconds pass on the mock's clock
      Then the job's tasks are:
        | deviceKey  | status    | progress |
        | deviceKey1 | succeeded | 100      |
      When I retry the task of deviceKey1
      Then the answer is the error 24621 "Only failed tasks can be retried"
