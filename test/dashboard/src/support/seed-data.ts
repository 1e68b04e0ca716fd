/** How many customers the dashboard's server holds. */
export const CUSTOMER_ROWS = 3000;

/** Customers for the dashboard tests: ids C-00001…, a secret password, statuses and tiers in a fixed pattern. */
export function customersCsv(rows: number): string {
  const statuses = ['active', 'active', 'active', 'locked', 'active', 'new', 'active', 'closed'];
  const tiers = ['gold', 'silver', 'bronze'];
  const lines = ['id,email,password,status,tier,balance'];
  for (let i = 1; i <= rows; i++) {
    const id = `C-${String(i).padStart(5, '0')}`;
    lines.push(
      [
        id,
        `customer${i}@example.test`,
        `pw-${(i * 7919) % 100_003}`,
        statuses[i % statuses.length],
        tiers[i % tiers.length],
        String((i * 37) % 1000),
      ].join(','),
    );
  }
  return lines.join('\n');
}

/** The shop pool: tests that get rows, one that consumes them, one that can get none. */
export const SHOP_POOL = `
pool: shop
key: id
blocks: [customers]
secrets: [password]
tests:
  - suite: checkout
    test: pays with a saved card
    find: { where: { status: active, tier: gold } }
    columns: [id, email, password]
  - suite: checkout
    test: pays by invoice
    count: 2
    find: { where: { status: active, tier: silver } }
  - suite: account
    test: locked user sees the unlock page
    find: { where: { status: locked } }
  - suite: account
    test: closes the account
    consume: true
    find: { where: { status: active, tier: bronze } }
  - suite: account
    test: restores a deleted account
    find: { where: { status: deleted } }
`;

/**
 * A pool whose one test reads the application's database with a query that
 * takes `seconds`: its job is watched while it waits on that database.
 */
export function slowPool(seconds: number): string {
  return `
pool: slow
key: id
tests:
  - suite: app
    test: waits for the application database
    find:
      query:
        sql: SELECT 'A-1' AS id, 'slow' AS kind FROM pg_sleep(${seconds})
        key: id
`;
}
