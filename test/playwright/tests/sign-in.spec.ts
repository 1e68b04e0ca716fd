import { typedTest, expect } from '@allot/playwright';

const test = typedTest<{ id: string; email: string; password: string }>();

test('signs in and sees the welcome page', async ({ page, testData }) => {
  await page.goto('/');
  await page.getByLabel('Email').fill(testData.email);
  await page.getByLabel('Password').fill(testData.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading')).toHaveText(`Welcome, ${testData.email}`);
});
