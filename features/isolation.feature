@isolation
Feature: One organization does not see another's jobs
  Jobs and firmware belong to an organization (orgId, in every EnOS API). Another organization can neither read a
  job, nor use the organization's firmware, nor delete its job. "Another organization" is the second organization
  given with --other-org-id, or else an organization id that cannot exist. A gateway may answer 24404 or 99403
  "Denied resource"; which one is recorded as an observation.

  Rule: ISO-READ Another organization cannot read the job

    @creates-job
    Scenario: Another organization does not see the job
      Given a job of the kit on the ready firmware
      When another organization reads the job
      Then the job is not shown to it

  Rule: ISO-FIRMWARE Another organization cannot create a job on the organization's firmware

    Scenario: Another organization cannot use the firmware
      When another organization creates an upgrade job on the ready firmware
      Then the answer is not a created job

  Rule: ISO-DELETE Another organization cannot stop or delete the job

    @creates-job
    Scenario: Another organization cannot delete the job
      Given a dormant job of the kit that is stopped
      When another organization deletes the job
      Then the job is still there
