import { useState } from 'preact/hooks';
import type { Page } from '../api/client.js';
import type { JobSummary } from '../api/types.js';
import { ErrorAlert } from '../components/error-alert.js';
import { Pager } from '../components/pager.js';
import { count, when } from '../format.js';
import { useLoad } from '../hooks.js';
import { href } from '../router.js';
import type { Session } from '../session.js';

const PAGE = 50;
const POLL_MS = 3000;

/** The workspace's jobs, newest first, a page at a time, refreshed while the page is open. */
export function JobsPage({ session }: { session: Session }) {
  const [offset, setOffset] = useState(0);
  const jobs = useLoad(
    () => session.api.get<Page<JobSummary>>('/jobs', { limit: PAGE, offset }),
    [offset],
    { ms: POLL_MS },
  );
  const [jump, setJump] = useState('');
  return (
    <>
      <h1>Jobs</h1>
      <form
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (/^\d+$/.test(jump)) location.hash = href('jobs', jump);
        }}
      >
        <label for="job-id">Job id</label>{' '}
        <input
          id="job-id"
          inputMode="numeric"
          value={jump}
          onInput={(e) => setJump(e.currentTarget.value)}
        />{' '}
        <button type="submit">Open</button>
      </form>
      <ErrorAlert error={jobs.error} />
      {jobs.data === undefined ? (
        <p aria-busy="true">Loading jobs…</p>
      ) : (
        <>
          <table>
            <caption>Committed jobs, newest first (updates every {POLL_MS / 1000} s)</caption>
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">State</th>
                <th scope="col">Created</th>
                <th scope="col">Tests</th>
                <th scope="col">Allocated</th>
                <th scope="col">Made</th>
                <th scope="col">Reused</th>
                <th scope="col">Failed</th>
                <th scope="col">Leases</th>
              </tr>
            </thead>
            <tbody>
              {jobs.data.items.map((job) => (
                <tr key={job.id}>
                  <th scope="row">
                    <a href={href('jobs', job.id)}>Job {job.id}</a>
                  </th>
                  <td>
                    <span class={`state state-${job.state}`}>{job.state}</span>
                  </td>
                  <td>{when(job.createdAt)}</td>
                  <td class="num">{count(job.tests)}</td>
                  <td class="num">{count(job.allocated)}</td>
                  <td class="num">{count(job.made)}</td>
                  <td class="num">{count(job.reused)}</td>
                  <td class="num">{count(job.failed)}</td>
                  <td>
                    {job.releasedAt === null
                      ? `until ${when(job.expiresAt)}`
                      : `released ${when(job.releasedAt)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            label="Jobs pages"
            offset={offset}
            limit={PAGE}
            shown={jobs.data.items.length}
            total={jobs.data.total}
            hasNext={jobs.data.links.next !== null}
            onPage={setOffset}
          />
        </>
      )}
    </>
  );
}
