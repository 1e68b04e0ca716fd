import { test, expect } from '@allot/playwright';

// Every test of this file belongs to the suite "profile".
test.use({ allotSuite: { name: 'profile' } });

test('edits the profile', async ({ testData }) => {
  expect(testData.suite).toBe('profile');
  expect(testData.test).toBe('edits the profile');
});
