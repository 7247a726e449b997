@create-ota-job
Feature: Create OTA Job
  An OTA job upgrades devices to a firmware in bulk ("upgrade") or first tries the firmware on a few devices
  ("verify"). Creating one answers with the EnOS envelope: code 0, msg "OK", a requestId unique to the call,
  and the new job's id in data.jobId (vendor page "V2.1 Create OTA Job", return sample).

  @creates-job
  Scenario: The vendor page's request sample creates an upgrade job
    When I send the vendor page's request sample to create a job on the ready firmware
    Then the job is created
    And the answer has a request id
    And the answer carries the new job's id in data.jobId

  @creates-job
  Scenario: A verification job with a partial scope is created
    When I create a verification job on the ready firmware for 1 device
    Then the job is created

  @creates-job
  Scenario: A created job can be read back
    When I send the vendor page's request sample to create a job on the ready firmware
    And I read the created job back
    Then the job read back is the one created, with the sample's device keys

  @creates-job
  Scenario: A job created without the optional fields gets the documented defaults
    When I create an upgrade job on the ready firmware without optional fields
    And I read the created job back
    Then the job has the upgradeTimeout 7200 seconds
    And the job has the maximumConcurrency 300
    And the job has no retry policy
    And the job has the default schedule, starting at once and running daily
