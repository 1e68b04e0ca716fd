Feature: Legacy sign in (vendor placeholders, unchanged)

  Scenario: signs in with placeholders in step text
    When I sign in as "@Data(poolName="shop", suiteName="legacy", test="signs in")[0][email]" with password "@Data(poolName="shop", suiteName="legacy", test="signs in")[0][password]"
    Then I am signed in

  Scenario: lists the locked customers of a table
    Given these customers:
      | id                                                                       | email                                                                       |
      | @DataTable(poolName=shop, suiteName=legacy, test=locked customers)[id] | @DataTable(poolName=shop, suiteName=legacy, test=locked customers)[email] |
    Then I saw 2 customers
