// Runs allocation jobs in a loop against the lowdb store of a data directory
// and reports each committed job on stdout, until it is killed. Odd rounds
// write a new snapshot every few commits, so kills also land mid-snapshot.
import { executeJob } from '@allot/core';
import { openLowdbStore } from '@allot/store-lowdb';

const [dataDir, round] = process.argv.slice(2);
const store = await openLowdbStore(dataDir, Number(round) % 2 === 1 ? { compactBytes: 1 } : {});
const pool = await store.getPool('default', 'crash');
const tests = pool.tests.map((t) => ({ pool: 'crash', suite: t.suite, test: t.test }));
for (let i = 0; ; i++) {
  const report = await executeJob(store, { tests, refresh: true, namespace: `r${round}-${i}` });
  const values = Object.fromEntries(report.tests.map((t) => [`${t.suite}/${t.test}`, t.values]));
  process.stdout.write(`${JSON.stringify({ jobId: report.jobId, values })}\n`);
  if (i % 3 === 2) await store.releaseJob('default', report.jobId, new Date());
}
