import { useState } from 'preact/hooks';
import { seg } from '../api/client.js';
import type { JobStatus, JobTestStatus, Pool, ReleaseOutcome, StoredResult } from '../api/types.js';
import { ErrorAlert } from '../components/error-alert.js';
import { count, when } from '../format.js';
import { useLoad } from '../hooks.js';
import { href } from '../router.js';
import { may, type Session } from '../session.js';

const POLL_MS = 700;

/** One job, live: state and progress while it runs, then every test's outcome, values and reason. */
export function JobPage({ session, id }: { session: Session; id: string }) {
  const job = useLoad(() => session.api.get<JobStatus>(`/jobs/${seg(id)}`), [id], {
    ms: POLL_MS,
    while: (status) => status.state === 'running',
  });
  const [action, setAction] = useState<{ message?: string; error?: Error }>({});
  const release = async (what: string, path: string) => {
    setAction({});
    try {
      const outcome = await session.api.post<ReleaseOutcome>(path);
      setAction({
        message: `${what}: ${outcome.released} rows released, ${outcome.consumed} consumed.`,
      });
      job.reload();
    } catch (error) {
      setAction({ error: error as Error });
    }
  };
  const status = job.data;
  const canRelease = may(session, 'tester');
  return (
    <>
      <p class="crumbs">
        <a href={href('jobs')}>Jobs</a> /
      </p>
      <h1>Job {id}</h1>
      <ErrorAlert error={job.error} />
      {status === undefined ? (
        <p aria-busy="true">Loading the job…</p>
      ) : (
        <>
          <dl class="facts">
            <dt>State</dt>
            <dd>
              <span
                class={`state state-${status.state}`}
                data-testid="job-state"
                aria-live="polite"
              >
                {status.state}
                {status.queued ? ' (queued)' : ''}
              </span>
            </dd>
            <dt>Progress</dt>
            <dd>
              {status.progress === null ? (
                status.message
              ) : (
                <>
                  <label for="job-progress">{status.progress.phase}</label>{' '}
                  <progress
                    id="job-progress"
                    max={status.progress.total}
                    value={status.progress.done}
                  />{' '}
                  {count(status.progress.done)} / {count(status.progress.total)}
                </>
              )}
            </dd>
            <dt>Outcome</dt>
            <dd>
              {count(status.allocated)} allocated, {count(status.made)} made, {count(status.reused)}{' '}
              reused, {count(status.failed)} failed
            </dd>
            <dt>Executed by</dt>
            <dd>{status.createdUser ?? '—'}</dd>
            <dt>Created</dt>
            <dd>{when(status.createdAt)}</dd>
            <dt>Leases</dt>
            <dd>
              {status.releasedAt === null
                ? `until ${when(status.expiresAt)}`
                : `released ${when(status.releasedAt)}`}
            </dd>
            {status.answeredBy !== null && status.answeredBy !== status.id ? (
              <>
                <dt>Answered by</dt>
                <dd>
                  <a href={href('jobs', status.answeredBy)}>job {status.answeredBy}</a>
                </dd>
              </>
            ) : null}
          </dl>
          {canRelease && status.state !== 'running' && status.releasedAt === null ? (
            <button
              type="button"
              onClick={() => void release(`Job ${id}`, `/jobs/${seg(id)}/release`)}
            >
              Release job {id}
            </button>
          ) : null}
          <p role="status">{action.message}</p>
          <ErrorAlert error={action.error} />
          <TestsTable
            session={session}
            status={status}
            onRelease={canRelease ? release : undefined}
          />
        </>
      )}
    </>
  );
}

function TestsTable(props: {
  session: Session;
  status: JobStatus;
  onRelease: ((what: string, path: string) => Promise<void>) | undefined;
}) {
  const { status } = props;
  if (status.tests.length === 0)
    return <p>{status.state === 'running' ? 'Tests appear when the job commits.' : 'No tests.'}</p>;
  return (
    <table class="tests">
      <caption>Every test of the job</caption>
      <thead>
        <tr>
          <th scope="col">Pool</th>
          <th scope="col">Suite</th>
          <th scope="col">Test</th>
          <th scope="col">Outcome</th>
          <th scope="col">Reason or values</th>
          <th scope="col">Lease</th>
        </tr>
      </thead>
      <tbody>
        {status.tests.map((test) => (
          <TestRow key={`${test.pool}/${test.suite}/${test.test}`} {...props} test={test} />
        ))}
      </tbody>
    </table>
  );
}

/** Secret columns of pools, read once per pool. */
const secretsOf = new Map<string, Promise<string[]>>();

function TestRow(props: {
  session: Session;
  status: JobStatus;
  test: JobTestStatus;
  onRelease: ((what: string, path: string) => Promise<void>) | undefined;
}) {
  const { session, status, test, onRelease } = props;
  const [values, setValues] = useState<{
    result?: StoredResult;
    secrets?: string[];
    error?: Error;
  }>();
  const path = `/pools/${seg(test.pool)}/suites/${seg(test.suite)}/tests/${seg(test.test)}`;
  const show = async () => {
    try {
      let secrets = secretsOf.get(test.pool);
      if (secrets === undefined) {
        secrets = session.api.get<Pool>(`/pools/${seg(test.pool)}`).then((p) => p.secrets);
        secretsOf.set(test.pool, secrets);
      }
      const [result, masked] = await Promise.all([
        session.api.get<StoredResult>(`${path}/result`),
        secrets,
      ]);
      setValues({ result, secrets: masked });
    } catch (error) {
      setValues({ error: error as Error });
    }
  };
  const holds =
    status.releasedAt === null &&
    test.releasedAt === null &&
    (test.status === 'allocated' || test.status === 'made');
  return (
    <tr class={`test-${test.status}`}>
      <td>{test.pool}</td>
      <td>{test.suite}</td>
      <th scope="row">{test.test}</th>
      <td>
        <span class={`state state-${test.status}`}>{test.status}</span>
        {test.fromJob === null ? null : (
          <>
            {' '}
            from <a href={href('jobs', test.fromJob)}>job {test.fromJob}</a>
          </>
        )}
      </td>
      <td>
        {test.status === 'failed' ? (
          <span class="reason">{test.reason}</span>
        ) : values === undefined ? (
          <button
            type="button"
            onClick={() => void show()}
            aria-label={`Show the values of ${test.suite} / ${test.test}`}
          >
            Show values
          </button>
        ) : values.error !== undefined ? (
          <ErrorAlert error={values.error} />
        ) : (
          <Values result={values.result!} secrets={values.secrets ?? []} />
        )}
      </td>
      <td>
        {test.releasedAt !== null ? (
          `released ${when(test.releasedAt)}`
        ) : holds && onRelease !== undefined ? (
          <button
            type="button"
            onClick={() => void onRelease(`${test.suite} / ${test.test}`, `${path}/release`)}
            aria-label={`Release ${test.suite} / ${test.test}`}
          >
            Release
          </button>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}

/** A test's rows, secret columns masked. */
function Values({ result, secrets }: { result: StoredResult; secrets: string[] }) {
  return (
    <ul class="values">
      {result.rows.map((row, i) => (
        <li key={i}>
          {result.columns.map((column, j) => (
            <span key={column}>
              {j > 0 ? ', ' : ''}
              {column}=<code>{secrets.includes(column) ? '***' : String(row[column] ?? '')}</code>
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}
