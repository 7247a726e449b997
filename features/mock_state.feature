@mock-only
Feature: The mock keeps what it is given
  The mock stands in for the gateway during offline development, so what a client creates is there afterwards,
  per organization, and a verification completed through the mock's admin routes unlocks the firmware.
  These scenarios drive the mock's admin routes or another organization, so they run against the mock only.

  @creates-job
  Scenario: Another organization does not see the job
    When I send the vendor page's request sample to create a job on the ready firmware
    And I read the created job back as the organization "someOtherOrg"
    Then the answer is the error 24404 "Job not found"

  @creates-job @needs-unverified-firmware
  Scenario: A completed verification lets upgrade jobs on the firmware through
    Given an upgrade job on the unverified firmware is answered with 24610
    When I create a verification job on the unverified firmware for 1 device
    And the mock completes that verification job
    Then an upgrade job on the unverified firmware is created
