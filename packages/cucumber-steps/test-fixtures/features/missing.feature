@pool:shop
Feature: Checkout

  Scenario: pays with a stolen card
    Given the scenario has allocated test data
