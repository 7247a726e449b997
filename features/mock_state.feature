@mock-only
Feature: The mock keeps what it is given
  The mock stands in for the gateway during offline development: a verification completed through the mock's
  admin routes unlocks the firmware for upgrade jobs. This drives the mock's admin routes, so it runs against the
  mock only; it documents the mock, not a vendor rule.

  @creates-job @needs-unverified-firmware
  Scenario: A completed verification lets upgrade jobs on the firmware through
    Given an upgrade job on the unverified firmware is answered with 24610
    When I create a verification job on the unverified firmware for 1 device
    And the mock completes that verification job
    Then an upgrade job on the unverified firmware is created
