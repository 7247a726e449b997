@parameter-rules
Feature: Parameter rules of Create OTA Job
  The vendor page marks parameters mandatory or optional, lists allowed values and gives the range of
  upgradeTimeout. A request that breaks one of these gets the EnOS common code 99400 (invalid argument), never a
  server error. The message format and the HTTP status of these answers are not documented: they are recorded as
  observations, not failed.

  Rule: CREATE-QUERY-MANDATORY orgId and firmwareId are mandatory query parameters

    Scenario Outline: The query parameter <parameter> is mandatory
      When I create an upgrade job on the ready firmware without the query parameter "<parameter>"
      Then the answer is an invalid argument naming "<parameter>"

      Examples:
        | parameter  |
        | orgId      |
        | firmwareId |

  Rule: CREATE-UPGRADE-MANDATORY type, upgradeScope, upgradePolicy and enableUpgradeRequest are mandatory for an upgrade job

    Scenario Outline: The field <field> of an upgrade job is mandatory
      When I create an upgrade job on the ready firmware without the field "<field>"
      Then the answer is an invalid argument naming "<field>"

      Examples:
        | field                |
        | type                 |
        | upgradeScope         |
        | upgradePolicy        |
        | enableUpgradeRequest |

  Rule: CREATE-VERIFY-MANDATORY type and upgradeScope are mandatory for a verification job

    Scenario Outline: The field <field> of a verification job is mandatory
      When I create a verification job on the ready firmware without the field "<field>"
      Then the answer is an invalid argument naming "<field>"

      Examples:
        | field        |
        | type         |
        | upgradeScope |

  Rule: CREATE-TYPE-VALUES The job type is upgrade or verify

    Scenario: A job type other than upgrade or verify is an invalid argument
      When I create an upgrade job on the ready firmware with the field "type" set to "upgrading"
      Then the answer is an invalid argument naming "type"

  Rule: CREATE-POLICY-VALUES The upgrade policy is snapshot or incremental

    Scenario: An upgrade policy other than snapshot or incremental is an invalid argument
      When I create an upgrade job on the ready firmware with the field "upgradePolicy" set to "full"
      Then the answer is an invalid argument naming "upgradePolicy"

  Rule: CREATE-TIMEOUT-RANGE upgradeTimeout is accepted from 300 to 172800 seconds, for upgrade and verification jobs

    Scenario Outline: upgradeTimeout <seconds> is outside the range for <job> job
      When I create <job> job on the ready firmware with the upgradeTimeout <seconds>
      Then the answer is an invalid argument naming "upgradeTimeout"

      Examples:
        | job            | seconds |
        | an upgrade     | 299     |
        | an upgrade     | 172801  |
        | a verification | 299     |
        | a verification | 172801  |

    @creates-job
    Scenario Outline: upgradeTimeout <seconds> is within the range for <job> job
      When I create <job> job on the ready firmware with the upgradeTimeout <seconds>
      Then the job is created

      Examples:
        | job            | seconds |
        | an upgrade     | 300     |
        | an upgrade     | 172800  |
        | a verification | 300     |
        | a verification | 172800  |

  Rule: CREATE-UNREADABLE A body that is not a JSON object is an invalid argument, never a server error

    Scenario Outline: A body that is <body> is answered with 99400
      When I send a create request on the ready firmware whose body is <body>
      Then the answer is an invalid argument

      Examples:
        | body           |
        | malformed JSON |
        | a JSON array   |
        | a JSON string  |
