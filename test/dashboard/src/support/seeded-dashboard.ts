import { startDashboardServer, type DashboardServer } from './dashboard-server.js';
import { testPostgresUrl } from '@allot/test-support/postgres';
import { CUSTOMER_ROWS, customersCsv, SHOP_POOL, slowPool } from './seed-data.js';

/** Test users: a tester and a viewer, with passwords. */
export const TESTER = { user: 'tess', password: 'correct horse battery' };
export const VIEWER = { user: 'vic', password: 'viewer horse battery' };

/** A server seeded through its API: customers, the shop pool and a slow pool on the application database `appdb`, two users, and one job of the shop pool. */
export async function seededDashboard(): Promise<DashboardServer & { shopJob: number }> {
  const server = await startDashboardServer(
    testPostgresUrl('the dashboard tests (a slow application database)'),
  );
  try {
    await server.api('POST', '/api/v1/blocks/customers?keyColumn=id', customersCsv(CUSTOMER_ROWS));
    await server.api('POST', '/api/v1/pools/upload', SHOP_POOL);
    await server.api('POST', '/api/v1/pools/upload', slowPool(3));
    for (const [who, role] of [
      [TESTER, 'tester'],
      [VIEWER, 'viewer'],
    ] as const) {
      await server.api('POST', '/api/v1/users', {
        id: who.user,
        name: who.user,
        email: `${who.user}@example.test`,
        role,
      });
      const { token } = await server.api<{ token: string }>(
        'POST',
        `/api/v1/users/${who.user}/invitation`,
        {},
      );
      await server.api('POST', `/api/v1/invitations/${token}`, { password: who.password });
    }
    const shop = await server.api<{ tests: Array<{ suite: string; test: string }> }>(
      'GET',
      '/api/v1/pools/shop',
    );
    const job = await server.api<{ id: number; state: string }>('POST', '/api/v1/jobs', {
      tests: shop.tests.map((t) => ({ pool: 'shop', suite: t.suite, test: t.test })),
      waitMs: 30_000,
    });
    if (job.state !== 'failed')
      throw new Error(`the shop job should fail one test, it is ${job.state}`);
    return { ...server, shopJob: job.id };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
