@mock-only @lifecycle
Feature: A job's life on the mock: device tasks on a simulation clock
  The kit's mock simulates the devices a started job upgrades, so that a console or an SDK can be built against jobs
  that run. Each device gets a task that goes init, published, upgrading, then succeeded or failed; a task takes one
  step every 5 seconds of the mock's clock (published at once, upgrading after 5 s, progress 25, 50 and 75, succeeded
  after 25 s), and a device that fails does so at progress 50 with progress -1 and its reason in desc. The scenarios
  move the clock through the admin route POST /__admin/ota/clock instead of waiting, and read the tasks with Search
  OTA Task. They use the mock's default state: firmware yourFirmwareId (version 1.1, no verification) and
  unverifiedFirmwareId (2.0, verified by one device that succeeds), devices deviceKey1 to deviceKey4 on version 1.0,
  of which deviceKey3 fails its first attempt with "download failure" and deviceKey4 stops reporting at progress 50.
  This documents the mock's simulation, mostly inferred where the vendor pages are silent; it is not a vendor rule.

  @creates-job
  Scenario: The console walk: three devices upgrade, the one that failed is retried and succeeds
    Given an upgrade job on the ready firmware for deviceKey1, deviceKey2 and deviceKey3
    When I start the job
    And 12 seconds pass on the mock's clock
    Then the job's tasks are:
      | deviceKey  | status    | progress | fromVersion | toVersion |
      | deviceKey1 | upgrading | 25       | 1.0         | 1.1       |
      | deviceKey2 | upgrading | 25       | 1.0         | 1.1       |
      | deviceKey3 | upgrading | 25       | 1.0         | 1.1       |
    When 5 seconds pass on the mock's clock
    Then the job's tasks are:
      | deviceKey  | status    | progress | desc             |
      | deviceKey1 | upgrading | 50       | upgrading        |
      | deviceKey2 | upgrading | 50       | upgrading        |
      | deviceKey3 | failed    | -1       | download failure |
    When I retry the task of deviceKey3
    Then the retry is accepted
    When 30 seconds pass on the mock's clock
    Then the job's tasks are:
      | deviceKey  | status    | progress | desc                        |
      | deviceKey1 | succeeded | 100      | upgrading firmware finished |
      | deviceKey2 | succeeded | 100      | upgrading firmware finished |
      | deviceKey3 | succeeded | 100      | upgrading firmware finished |

  @creates-job
  Scenario: A verification job that succeeds verifies its firmware, and upgrade jobs on it are created
    Given an upgrade job on the unverified firmware is answered with 24610
    And a verification job on the unverified firmware for deviceKey1
    When I start the job
    And 30 seconds pass on the mock's clock
    Then the job's tasks are:
      | deviceKey  | status    | progress | toVersion |
      | deviceKey1 | succeeded | 100      | 2.0       |
    And Get Firmware File shows the unverified firmware verified
    And an upgrade job on the unverified firmware is created

  @creates-job
  Scenario: Stopping a job pauses its tasks; starting it again resumes them
    Given a started upgrade job on the ready firmware for deviceKey1
    When 12 seconds pass on the mock's clock
    And I stop the job
    And 60 seconds pass on the mock's clock
    Then the job's tasks are:
      | deviceKey  | status    | progress |
      | deviceKey1 | upgrading | 25       |
    When I start the job
    And 15 seconds pass on the mock's clock
    Then the job's tasks are:
      | deviceKey  | status    | progress |
      | deviceKey1 | succeeded | 100      |

  @creates-job
  Scenario: A cancelled task fails with "Cancelled by user" and runs again only when retried
    Given a started upgrade job on the ready firmware for deviceKey1 and deviceKey2
    When 2 seconds pass on the mock's clock
    Then the job's tasks are:
      | deviceKey  | status    | progress |
      | deviceKey1 | published | 0        |
      | deviceKey2 | published | 0        |
    When I cancel the task of deviceKey2
    Then the cancel is accepted
    And the job's tasks are:
      | deviceKey  | status    | progress | desc                          |
      | deviceKey1 | published | 0        | firmware pushed to the device |
      | deviceKey2 | failed    | -1       | Cancelled by user             |
    When 30 seconds pass on the mock's clock
    Then the job's tasks are:
      | deviceKey  | status    | progress | desc                        |
      | deviceKey1 | succeeded | 100      | upgrading firmware finished |
      | deviceKey2 | failed    | -1       | Cancelled by user           |
    When I retry the task of deviceKey2
    Then the retry is accepted
    When 30 seconds pass on the mock's clock
    Then the job's tasks are:
      | deviceKey  | status    | progress |
      | deviceKey2 | succeeded | 100      |
      | deviceKey1 | succeeded | 100      |

  @creates-job
  Scenario: A device that stops reporting fails when its upgradeTimeout runs out
    Given a started upgrade job on the ready firmware for deviceKey4, with an upgradeTimeout of 300 seconds
    When 20 seconds pass on the mock's clock
    Then the job's tasks are:
      | deviceKey  | status    | progress |
      | deviceKey4 | upgrading | 50       |
    When 280 seconds pass on the mock's clock
    Then the job's tasks are:
      | deviceKey  | status    | progress |
      | deviceKey4 | upgrading | 50       |
    When 10 seconds pass on the mock's clock
    Then the job's tasks are:
      | deviceKey  | status | progress | desc            |
      | deviceKey4 | failed | -1       | upgrade timeout |
