# No @pool tag: the pool comes from worldParameters.allot.pool.
Feature: Account

  Scenario: changes the password
    Given the scenario has allocated test data
    When I sign in as allot:email with password allot:password

  Scenario: unlocks the account
    Given the allocated status is "locked"
    When I sign in as allot:email with password allot:password

  Scenario: reads the terms
    # Needs no data: not in the pool, and passes.
    Then I am signed out
