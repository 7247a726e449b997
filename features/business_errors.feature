@business-errors
Feature: Business errors of Create OTA Job
  The vendor page documents four error codes for Create OTA Job. Each scenario sends a request that breaks
  exactly one of these rules and nothing else, so a server that checks its rules in another order still passes.

  Scenario: A firmware that does not exist is answered with 24404
    When I create an upgrade job on the missing firmware
    Then the answer is the error 24404 "Firmware not found"

  @needs-unverified-firmware
  Scenario: An upgrade job on a firmware that still needs verification is answered with 24610
    When I create an upgrade job on the unverified firmware
    Then the answer is the error 24610 "Not allowed to create job as firmware is not verified while enable verification is switched on"

  Scenario: A verification job may not target every device: 24611
    When I create a verification job with the upgrade scope "total" on the ready firmware
    Then the answer is the error 24611 "upgradeScope type total is not allowed for verification task"

  Scenario: A verification job over the device limit is answered with 24612 and the limit
    When I create a verification job on the ready firmware for one device more than its limit
    Then the answer is the error 24612 "Exceeded max verification deviceKeys, max[%d]" with the firmware's limit
