/* global allot, describe, test, expect */
import { appendFileSync } from 'node:fs';

// An ES module test file: jest runs it with NODE_OPTIONS=--experimental-vm-modules.
describe('account', () => {
  test('changes the password', () => {
    expect(allot.get('status')).toBe('active');
    appendFileSync('jest-rows.jsonl', `${JSON.stringify({ id: allot.get('id') })}\n`);
  });

  test('unlocks the account', () => {
    expect(allot.get('status')).toBe('locked');
    appendFileSync('jest-rows.jsonl', `${JSON.stringify({ id: allot.get('id') })}\n`);
  });
});
