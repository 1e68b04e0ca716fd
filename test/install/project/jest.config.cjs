/* global module */
// The package is "type": "module", so a CommonJS config is named .cjs.
module.exports = {
  testEnvironment: '@allot/jest-environment',
  testEnvironmentOptions: { allot: { pool: 'people' } },
  testMatch: ['<rootDir>/jest/**/*.test.js'],
};
