@mock-only
Feature: Faults and delays on demand, for testing clients
  A client of the gateway must cope with a gateway that throttles, a service that is briefly unavailable, a slow
  answer. The mock fails or delays its operations on demand (admin route /__admin/ota/faults, OtaMockServer.faults(),
  mock --fault), so an SDK team can show how its client behaves. A failed call runs no operation: nothing is created.
  This is the mock's own behaviour, not a vendor rule.

  Scenario: A client that retries on 503 gets its job created on the third attempt
    Given the mock answers the next 2 calls of "create-job" with HTTP 503
    When a client that retries up to 3 times on HTTP 5xx creates an upgrade job on the ready firmware
    Then the job is created
    And the client made 3 attempts
    And the organization has 1 job

  Scenario: A client that does not retry sees the gateway's throttle
    Given the mock answers the next 1 call of "create-job" with HTTP 429
    When a client that retries up to 1 time on HTTP 5xx creates an upgrade job on the ready firmware
    Then the client got HTTP 429
    And the organization has 0 jobs

  Scenario: A delayed answer comes after the delay
    Given the mock delays every call of "get-job" by 300 ms
    When I read a job that does not exist, timing the answer
    Then the answer came after at least 300 ms
