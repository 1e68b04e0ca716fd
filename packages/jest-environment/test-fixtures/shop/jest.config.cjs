/** A user's Jest config: the environment, and the pool its tests allocate from. */
module.exports = {
  testEnvironment: '@allot/jest-environment',
  testEnvironmentOptions: {
    allot: { pool: 'shop' },
  },
  transform: {},
};
