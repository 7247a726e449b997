@envelope
Feature: The EnOS envelope
  Every EnOS API answers in the same envelope: a numeric code (0 on success), a message ("OK" on success), a
  requestId of its own for every call, and the result in data, which is null when the call failed (EnOS API
  overview). What a gateway adds beside these fields is recorded as an observation, not failed.

  Rule: ENV-SUCCESS A successful call answers code 0, msg "OK", a requestId and its result in data

    @creates-job
    Scenario: A created job is answered in the success envelope
      When I create an upgrade job on the ready firmware
      Then the answer is a success: code 0, msg "OK", a requestId and the result in data
      And the answer fits the documented shape

  Rule: ENV-ERROR A failed call answers its error code, a msg, a requestId and data null

    Scenario: A firmware that does not exist is answered in the error envelope
      When I create an upgrade job on the missing firmware
      Then the answer is an error: a non-zero code, a msg, a requestId and data null
      And the answer fits the documented shape

  Rule: ENV-REQUESTID Every call gets a requestId of its own

    Scenario: Two calls get two requestIds
      When I read a job that does not exist twice
      Then the two answers carry different requestIds
