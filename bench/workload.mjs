// The workload of the allocation benchmarks: the same seeded rows, finds and
// tests for every store, so their figures compare.

export const COLUMNS = ['id', 'status', 'tier', 'country', 'balance', 'saved_card'];

export const STATUSES = [
  'active',
  'active',
  'active',
  'active',
  'active',
  'active',
  'active',
  'locked',
  'closed',
  'closed',
];
export const TIERS = ['gold', 'silver', 'silver', 'bronze', 'bronze', 'bronze'];
export const COUNTRIES = ['DE', 'FR', 'GB', 'US', 'NL', 'ES', 'IT', 'PL', 'SE', 'DK'];

/** A small seeded PRNG (mulberry32), so every run builds the same rows. */
export function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeRows(count) {
  const next = random(42);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const rows = new Array(count);
  for (let i = 0; i < count; i++) {
    rows[i] = [
      `C-${String(i).padStart(7, '0')}`,
      pick(STATUSES),
      pick(TIERS),
      pick(COUNTRIES),
      (Math.floor(next() * 400_000) / 100 - 1000).toFixed(2),
      next() < 0.25 ? 'true' : 'false',
    ];
  }
  return rows;
}

/** Finds that overlap: the same rows satisfy many of them. */
export function makeFinds() {
  const finds = [];
  for (const country of COUNTRIES) {
    finds.push({ status: 'active', country });
    finds.push({ status: 'active', country, saved_card: true });
  }
  for (const tier of ['gold', 'silver', 'bronze']) {
    finds.push({ status: 'active', tier });
    finds.push({ tier, balance: { gt: 500 } });
    finds.push({ tier, balance: { lt: 0 }, status: { in: ['active', 'locked'] } });
  }
  finds.push({ status: 'locked' });
  finds.push({ status: 'closed', country: { in: ['DE', 'FR'] } });
  finds.push({ or: [{ tier: 'gold' }, { balance: { gte: 1500 } }], not: { status: 'closed' } });
  finds.push({ id: { startsWith: 'C-00001' } });
  return finds;
}

export function makeTests(count, finds) {
  return Array.from({ length: count }, (_, i) => ({
    suite: `suite-${i % 100}`,
    test: `test-${i}`,
    find: { where: finds[i % finds.length] },
    count: i % 10 === 0 ? 2 : 1,
    consume: false,
    readOnly: i % 50 === 1,
  }));
}
