import { appendFileSync } from 'node:fs';
import { strict as assert } from 'node:assert';
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import '@allot/cucumber/register';
import type { AllotWorld } from '@allot/cucumber';

/** Appends what a scenario saw to $SEEN_FILE, one JSON line per step, so the test reads the run's own output. */
function record(world: AllotWorld, what: Record<string, unknown>): void {
  const line = { ...world.allot.ref, pid: process.pid, ...what };
  appendFileSync(process.env.SEEN_FILE ?? 'seen.jsonl', JSON.stringify(line) + '\n');
}

When(
  'I sign in as {allot} with password {allot}',
  async function (this: AllotWorld, email: string, password: string) {
    assert.equal(email, this.allot.get('email'));
    // Signing in takes a moment: both parallel workers get scenarios.
    await new Promise((done) => setTimeout(done, 100));
    record(this, { email, password, id: this.allot.get('id') });
  },
);

// The vendor feature after `allot-cucumber prepare`: plain strings.
When(
  'I sign in as {string} with password {string}',
  function (this: AllotWorld, email: string, password: string) {
    assert.match(email, /@example\.test$/);
    record(this, { vendor: true, email, password });
  },
);

Given('these customers:', function (this: AllotWorld, table: DataTable) {
  const rows = table.hashes();
  (this as AllotWorld & { customers?: unknown[] }).customers = rows;
  record(this, { vendor: true, table: rows });
});

Then(
  'I saw {int} customers',
  function (this: AllotWorld & { customers?: unknown[] }, count: number) {
    assert.equal(this.customers?.length, count);
  },
);

When('I pay in {word}', function (currency: string) {
  assert.match(currency, /^[A-Z]{3}$/);
});

Then('I refund {int} because it was {word}', function (amount: number, reason: string) {
  assert.ok(amount > 0 && reason !== '');
});

Then('I am signed in', function () {});
Then('I am signed out', function () {});
