@firmware-files
Feature: Get and Search Firmware File
  A firmware file is what a job installs. Get Firmware File (GET action=get) reads one by its firmwareId, as a
  FirmwareInfo with its version and whether it is verified; Search Firmware File (POST action=search) lists the
  organization's firmware that matches an expression, with pagination beside data (vendor pages "Get Firmware File",
  "Search Firmware File"). Both only read. A firmware that needs verification is verified once a verification job
  on it succeeds (lifecycle.feature shows it on the mock).

  Rule: FIRMWARE-GET Get Firmware File answers the firmware as a FirmwareInfo with its firmwareId, version and isVerified

    Scenario: The ready firmware is answered with its version and whether it is verified
      When I get the ready firmware's file
      Then the answer is the ready firmware, with its version and whether it is verified

  Rule: FIRMWARE-24404 Get Firmware File of a firmware the organization does not have answers 24404 "Firmware not found"

    Scenario: A firmware that does not exist is answered with 24404
      When I get the missing firmware's file
      Then the answer is the error 24404 "Firmware not found"

  Rule: FIRMWARE-SEARCH Search Firmware File answers the organization's firmware that matches the expression, with pagination beside data

    Scenario: Verified and unverified firmware are searched apart
      When I search the organization's firmware that is verified
      Then every firmware answered is verified, with pagination beside data
      When I search the organization's firmware that is not verified
      Then every firmware answered is not verified, with pagination beside data
      And the ready firmware was answered by exactly one of the two searches
