@get-ota-job
Feature: Get OTA Job
  A job created is there afterwards: Get OTA Job answers it as a JobInfo, with what it was created with (sibling
  page "Get OTA Job"). Fields the job does not set may come back as null, as the gateway's own samples show.

  Rule: GET-READBACK Get OTA Job answers a created job with what it was created with

    @creates-job
    Scenario: The vendor page's sample is read back as it was sent
      When I send the vendor page's request sample to create a job on the ready firmware
      And I read the created job back
      Then the job read back is the one created, with the sample's device keys

  Rule: GET-SHAPE Get OTA Job answers the job as a JobInfo with the documented field types

    @creates-job
    Scenario: A job read back is a JobInfo
      When I create an upgrade job on the ready firmware
      And I read the created job back
      Then the answer fits the documented shape

  Rule: GET-24404 Get OTA Job of a job the organization does not have answers 24404 "Job not found"

    Scenario: A job that does not exist is answered with 24404
      When I read a job that does not exist
      Then the answer is the error 24404 "Job not found"
