@parameter-rules
Feature: Parameter rules of Create OTA Job
  The vendor page marks parameters mandatory or optional, lists allowed values and gives the range of
  upgradeTimeout. A request that breaks one of these gets the EnOS common code 99400 (invalid argument).
  The message format and the HTTP status of these answers are not documented: they are recorded as
  observations, not failed.

  Scenario Outline: The query parameter <parameter> is mandatory
    When I create an upgrade job on the ready firmware without the query parameter "<parameter>"
    Then the answer is an invalid argument naming "<parameter>"

    Examples:
      | parameter  |
      | orgId      |
      | firmwareId |

  Scenario Outline: The field <field> of an upgrade job is mandatory
    When I create an upgrade job on the ready firmware without the field "<field>"
    Then the answer is an invalid argument naming "<field>"

    Examples:
      | field                |
      | type                 |
      | upgradeScope         |
      | upgradePolicy        |
      | enableUpgradeRequest |

  Scenario Outline: The field <field> of a verification job is mandatory
    When I create a verification job on the ready firmware without the field "<field>"
    Then the answer is an invalid argument naming "<field>"

    Examples:
      | field        |
      | type         |
      | upgradeScope |

  Scenario: The job type is upgrade or verify
    When I create an upgrade job on the ready firmware with the field "type" set to "upgrading"
    Then the answer is an invalid argument naming "type"

  Scenario: The upgrade policy is snapshot or incremental
    When I create an upgrade job on the ready firmware with the field "upgradePolicy" set to "full"
    Then the answer is an invalid argument naming "upgradePolicy"

  Scenario Outline: upgradeTimeout <seconds> is outside 300 to 172800 seconds
    When I create an upgrade job on the ready firmware with the upgradeTimeout <seconds>
    Then the answer is an invalid argument naming "upgradeTimeout"

    Examples:
      | seconds |
      | 299     |
      | 172801  |

  @creates-job
  Scenario Outline: upgradeTimeout <seconds> is within 300 to 172800 seconds
    When I create an upgrade job on the ready firmware with the upgradeTimeout <seconds>
    Then the job is created

    Examples:
      | seconds |
      | 300     |
      | 172800  |
