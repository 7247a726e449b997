@business-errors
Feature: Business errors of Create OTA Job
  The vendor page documents four error codes for Create OTA Job. Each scenario sends a request that breaks
  exactly one of these rules and nothing else, so a server that checks its rules in another order still passes.

  Rule: CREATE-24404 A job on a firmware the organization does not have answers 24404 "Firmware not found"

    Scenario: A firmware that does not exist is answered with 24404
      When I create an upgrade job on the missing firmware
      Then the answer is the error 24404 "Firmware not found"

  Rule: CREATE-24610 An upgrade job on a firmware that still needs verification answers 24610

    @needs-unverified-firmware
    Scenario: An upgrade job on a firmware that still needs verification is answered with 24610
      Given the unverified firmware still awaits verification
      When I create an upgrade job on the unverified firmware
      Then the answer is the error 24610 "Not allowed to create job as firmware is not verified while enable verification is switched on"

  Rule: CREATE-24611 A verification job may not target every device

    Scenario: A verification job with the scope total is answered with 24611
      When I create a verification job with the upgrade scope "total" on the ready firmware
      Then the answer is the error 24611 "upgradeScope type total is not allowed for verification task"

  Rule: CREATE-24612 A verification job over the firmware's device limit answers 24612 with the limit

    Scenario: A verification job on one device more than the limit is answered with 24612 and the limit
      When I create a verification job on the ready firmware for one device more than its limit
      Then the answer is the error 24612 with the ready firmware's verification limit

  Rule: CREATE-24612-AT-LIMIT A verification job naming exactly the firmware's limit of devices is created

    @creates-job
    Scenario: A verification job on as many devices as the limit is created
      When I create a verification job on the ready firmware for as many devices as its limit
      Then the job is created
