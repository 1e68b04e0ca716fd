import { appendFileSync } from 'node:fs';
import '@allot/cucumber/register';
import { When } from '@cucumber/cucumber';

When('I sign in as {allot} with password {allot}', function (email, password) {
  if (!email.endsWith('@example.test') || !password.startsWith('pw-')) {
    throw new Error(`not a person of the pool: ${email}`);
  }
  appendFileSync('cucumber-rows.jsonl', `${JSON.stringify({ id: this.allot.get('id') })}\n`);
});
