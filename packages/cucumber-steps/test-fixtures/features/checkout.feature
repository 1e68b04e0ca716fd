@pool:shop
Feature: Checkout

  Scenario: pays with a saved card
    When I sign in as allot:email with password allot:password
    Then I am signed in

  Scenario Outline: pays in <currency>
    When I sign in as allot:email with password allot:password
    And I pay in <currency>

    Examples:
      | currency |
      | EUR      |
      | USD      |
      | GBP      |

  Scenario Outline: refunds an order
    When I sign in as allot:email with password allot:password
    Then I refund <amount> because it was <reason>

    Examples:
      | amount | reason |
      | 10     | broken |
      | 20     | late   |
