import { test as base } from '@playwright/test';
import { allotFixtures, typedTest, expect } from '@allot/playwright';

interface Customer {
  id: string;
  email: string;
  password: string;
  card: string;
  status: 'active' | 'locked';
}

const test = typedTest<Customer>();

test('reads typed columns', async ({ testData }) => {
  const email: string = testData.email;
  const status: Customer['status'] = testData.get('status');
  expect(email.endsWith('@example.test')).toBe(true);
  expect(status).toBe('active');
});

// allot's fixtures on a test of the project's own.
const extended = base.extend(allotFixtures);

extended('reads values through allotFixtures', async ({ testData }) => {
  expect(testData.suite).toBe('profile.spec.ts');
  expect(testData.password).toMatch(/^pw-/);
});
