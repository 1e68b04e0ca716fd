@pool:people
Feature: Sign in

  Scenario: an active person signs in
    When I sign in as allot:email with password allot:password
    Then the allocated status is "active"

  Scenario: a locked person is refused
    When I sign in as allot:email with password allot:password
    Then the allocated status is "locked"
