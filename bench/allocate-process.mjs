// One round of bench/allocate.mjs, in a process of its own so that "cold"
// means what a user's next `allot run` meets: a new process opening the
// store from disk. Prints one JSON line with every figure of the round.
//
//   node allocate-process.mjs <data dir> <workspace>
//
// In order: the cached re-run of the 2k bundle the setup left live (the
// block must not be read), the 10k job cold (its block read from disk), the
// 50k job, then the 10k job warm. Each of these is released after it, so
// every job starts from the same free rows.
import { checkPoolColumns, DocumentStore } from '@allot/core';
import { LowdbPersistence } from '@allot/store-lowdb';
import { timedJob as timedJobOf } from './timed-job.mjs';

const [dir, WS] = process.argv.slice(2);

/** Counts the block reads the store makes from disk, so "block not read" is checked, not assumed. */
class CountingPersistence {
  reads = 0;
  constructor(inner) {
    this.inner = inner;
    this.kind = inner.kind;
  }
  load() {
    return this.inner.load();
  }
  save(document) {
    return this.inner.save(document);
  }
  readRows(...args) {
    this.reads++;
    return this.inner.readRows(...args);
  }
  // The store reads a block file by column through readTable when the persistence has it:
  // a wrapper without it would measure the fallback (every row built as an array) instead.
  readTable(...args) {
    this.reads++;
    return this.inner.readTable(...args);
  }
  writeRows(...args) {
    return this.inner.writeRows(...args);
  }
  close() {
    return this.inner.close();
  }
}

const refsOf = (pool) => pool.tests.map((t) => ({ pool: pool.name, suite: t.suite, test: t.test }));
const rss = () => process.resourceUsage().maxRSS * 1024;

const timedJob = (store, refs, options) => timedJobOf(store, WS, refs, options);

const persistence = new CountingPersistence(await LowdbPersistence.open(dir));
const opened = performance.now();
const store = await DocumentStore.open(persistence);
const openMs = performance.now() - opened;
const pool = await store.getPool(WS, 'bench');
const big = await store.getPool(WS, 'bench-50k');
const live = await store.getPool(WS, 'bench-2k');
const round = { openMs };

// What `allot run` does on a bundle that is still live: check the pool's columns, then execute.
const readsBefore = persistence.reads;
const cachedStart = performance.now();
const cachedCpu = process.cpuUsage();
await checkPoolColumns(store, WS, live);
const cached = await timedJob(store, refsOf(live));
round.cached = {
  ...cached,
  ms: performance.now() - cachedStart,
  cpuMs: ((c) => (c.user + c.system) / 1000)(process.cpuUsage(cachedCpu)),
  blockReads: persistence.reads - readsBefore,
};

globalThis.gc?.();
const rssBefore = rss();
round.cold = await timedJob(store, refsOf(pool));
round.cold.peak = rss();
round.cold.rssBefore = rssBefore;
await store.releaseJob(WS, round.cold.jobId, new Date());

round.big = await timedJob(store, refsOf(big));
round.big.peak = rss();
await store.releaseJob(WS, round.big.jobId, new Date());

round.warm = await timedJob(store, refsOf(pool));
round.warm.peak = rss();
await store.releaseJob(WS, round.warm.jobId, new Date());
await store.close();
process.stdout.write(`${JSON.stringify(round)}\n`);
