import { useState } from 'preact/hooks';
import { seg, type Page } from '../api/client.js';
import type { Lease, ReleaseOutcome } from '../api/types.js';
import { ErrorAlert } from '../components/error-alert.js';
import { Pager } from '../components/pager.js';
import { when } from '../format.js';
import { useLoad } from '../hooks.js';
import { href } from '../router.js';
import { may, type Session } from '../session.js';

const PAGE = 50;

/** Who holds which rows until when; release a test's rows or a whole job's. */
export function LeasesPage({ session }: { session: Session }) {
  const [offset, setOffset] = useState(0);
  const [pool, setPool] = useState('');
  const leases = useLoad(
    () =>
      session.api.get<Page<Lease>>('/leases', {
        limit: PAGE,
        offset,
        pool: pool === '' ? undefined : pool,
      }),
    [offset, pool],
  );
  const [action, setAction] = useState<{ message?: string; error?: Error }>({});
  const release = async (what: string, path: string) => {
    setAction({});
    try {
      const outcome = await session.api.post<ReleaseOutcome>(path);
      setAction({
        message: `${what}: ${outcome.released} rows released, ${outcome.consumed} consumed.`,
      });
      leases.reload();
    } catch (error) {
      setAction({ error: error as Error });
    }
  };
  const canRelease = may(session, 'tester');
  return (
    <>
      <h1>Leases</h1>
      <form
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          setOffset(0);
          setPool(String(new FormData(e.currentTarget).get('pool') ?? '').trim());
        }}
      >
        <label for="lease-pool">Pool</label>{' '}
        <input id="lease-pool" name="pool" defaultValue={pool} />{' '}
        <button type="submit">Filter</button>
      </form>
      <p role="status">{action.message}</p>
      <ErrorAlert error={action.error} />
      <ErrorAlert error={leases.error} />
      {leases.data === undefined ? (
        <p aria-busy="true">Loading leases…</p>
      ) : leases.data.items.length === 0 ? (
        <p>No live leases.</p>
      ) : (
        <>
          <table>
            <caption>Live leases, newest job first</caption>
            <thead>
              <tr>
                <th scope="col">Test</th>
                <th scope="col">Job</th>
                <th scope="col">Held by</th>
                <th scope="col">Rows</th>
                <th scope="col">Until</th>
                {canRelease ? <th scope="col">Release</th> : null}
              </tr>
            </thead>
            <tbody>
              {leases.data.items.map((lease) => {
                const name = `${lease.pool} / ${lease.suite} / ${lease.test}`;
                return (
                  <tr key={`${lease.job}/${name}`}>
                    <th scope="row">{name}</th>
                    <td>
                      <a href={href('jobs', lease.job)}>job {lease.job}</a>
                    </td>
                    <td>{lease.holder ?? '—'}</td>
                    <td>
                      {lease.rows.map((r) => `${r.block}:${r.key}`).join(', ')}
                      {lease.shared ? ' (shared, read-only)' : ''}
                      {lease.consume ? ' (consumed)' : ''}
                    </td>
                    <td>{when(lease.until)}</td>
                    {canRelease ? (
                      <td>
                        <button
                          type="button"
                          aria-label={`Release ${name}`}
                          onClick={() =>
                            void release(
                              name,
                              `/pools/${seg(lease.pool)}/suites/${seg(lease.suite)}/tests/${seg(lease.test)}/release`,
                            )
                          }
                        >
                          Release
                        </button>{' '}
                        <button
                          type="button"
                          aria-label={`Release every lease of job ${lease.job}`}
                          onClick={() =>
                            void release(`Job ${lease.job}`, `/jobs/${lease.job}/release`)
                          }
                        >
                          Release job
                        </button>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <Pager
            label="Lease pages"
            offset={offset}
            limit={PAGE}
            shown={leases.data.items.length}
            total={leases.data.total}
            hasNext={leases.data.links.next !== null}
            onPage={setOffset}
          />
        </>
      )}
    </>
  );
}
