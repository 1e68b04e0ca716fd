import type { Page } from '../api/client.js';
import type { PoolSummary } from '../api/types.js';
import { ErrorAlert } from '../components/error-alert.js';
import { count } from '../format.js';
import { useLoad } from '../hooks.js';
import { href } from '../router.js';
import type { Session } from '../session.js';

/** Every pool of the workspace, each leading to its forecast. */
export function PoolsPage({ session }: { session: Session }) {
  const pools = useLoad(() => session.api.get<Page<PoolSummary>>('/pools', { limit: 200 }), []);
  return (
    <>
      <h1>Pools</h1>
      <ErrorAlert error={pools.error} />
      {pools.data === undefined ? (
        <p aria-busy="true">Loading pools…</p>
      ) : pools.data.items.length === 0 ? (
        <p>No pools yet: upload a pool file (POST /api/v1/pools/upload or `allot run`).</p>
      ) : (
        <table>
          <caption>Pools and their allocation tests</caption>
          <thead>
            <tr>
              <th scope="col">Pool</th>
              <th scope="col">Data blocks</th>
              <th scope="col">Tests</th>
            </tr>
          </thead>
          <tbody>
            {pools.data.items.map((pool) => (
              <tr key={pool.name}>
                <th scope="row">
                  <a href={href('pools', pool.name)}>{pool.name}</a>
                </th>
                <td>{pool.blocks.join(', ')}</td>
                <td class="num">{count(pool.tests)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
