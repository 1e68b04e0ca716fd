import { useMemo, useState } from 'preact/hooks';
import type { ChartConfiguration } from 'chart.js';
import { seg } from '../api/client.js';
import type { FindForecastView, JobStatus, Pool, PoolForecast } from '../api/types.js';
import { Chart } from '../components/chart.js';
import { ErrorAlert } from '../components/error-alert.js';
import { count, until, when } from '../format.js';
import { useLoad } from '../hooks.js';
import { href } from '../router.js';
import { may, type Session } from '../session.js';

const COLOURS = [
  '#1b6ac9',
  '#c2410c',
  '#15803d',
  '#7e22ce',
  '#b91c1c',
  '#0e7490',
  '#a16207',
  '#4d4d4d',
];
const HORIZON_DAYS = 14;

/** One pool: per find demand against supply (a dry run), and when each find runs dry at the recent rate. */
export function PoolPage({ session, name }: { session: Session; name: string }) {
  const [days, setDays] = useState(14);
  const pool = useLoad(() => session.api.get<Pool>(`/pools/${seg(name)}`), [name]);
  // The forecast is asked for once the pool is on screen: its dry run scans whole blocks, and a
  // server busy with it would otherwise hold back the pool's own answer, the page's first render.
  const shown = pool.data !== undefined || pool.error !== undefined;
  const forecast = useLoad(
    () =>
      shown
        ? session.api.get<PoolForecast>(`/pools/${seg(name)}/forecast`, { days })
        : Promise.resolve(undefined),
    [name, days, shown],
  );
  const [run, setRun] = useState<{ error?: Error; busy: boolean }>({ busy: false });

  const runJob = async () => {
    if (pool.data === undefined) return;
    setRun({ busy: true });
    try {
      const tests = (pool.data.tests as Array<{ suite: string; test: string }>).map((t) => ({
        pool: pool.data!.name,
        suite: t.suite,
        test: t.test,
      }));
      const job = await session.api.post<JobStatus>('/jobs', { tests, waitMs: 0 });
      location.hash = href('jobs', job.id);
    } catch (error) {
      setRun({ busy: false, error: error as Error });
    }
  };

  return (
    <>
      <p class="crumbs">
        <a href={href('pools')}>Pools</a> /
      </p>
      <h1>Pool {name}</h1>
      <ErrorAlert error={pool.error} />
      {pool.data === undefined ? null : (
        <p>
          {count(pool.data.tests.length)} tests over{' '}
          {pool.data.blocks.map((b) => b.name).join(', ')}; key column <code>{pool.data.key}</code>
          {pool.data.secrets.length > 0
            ? `; secret columns: ${pool.data.secrets.join(', ')}`
            : ''}.{' '}
          {may(session, 'tester') ? (
            <button type="button" onClick={() => void runJob()} disabled={run.busy}>
              Run a job of every test
            </button>
          ) : null}
        </p>
      )}
      <ErrorAlert error={run.error} />
      <section aria-labelledby="supply">
        <h2 id="supply">Supply per find</h2>
        <ErrorAlert error={forecast.error} />
        {forecast.data === undefined ? (
          <p aria-busy="true">Forecasting (a dry run of every test)…</p>
        ) : (
          <Supply forecast={forecast.data} />
        )}
      </section>
      <section aria-labelledby="depletion">
        <h2 id="depletion">Depletion</h2>
        <label for="window">Rate over the last</label>{' '}
        <select id="window" value={days} onChange={(e) => setDays(Number(e.currentTarget.value))}>
          {[1, 7, 14, 30, 90].map((d) => (
            <option key={d} value={d}>
              {d} {d === 1 ? 'day' : 'days'}
            </option>
          ))}
        </select>
        {forecast.data === undefined ? null : <Depletion forecast={forecast.data} />}
      </section>
    </>
  );
}

const findLabel = (f: FindForecastView) => `${f.find} (${f.block})`;

function Supply({ forecast }: { forecast: PoolForecast }) {
  const config = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels: forecast.finds.map(findLabel),
        datasets: (['demand', 'qualifying', 'free', 'leased', 'consumed'] as const).map(
          (key, i) => ({
            label: key,
            data: forecast.finds.map((f) => f[key]),
            backgroundColor: COLOURS[i],
          }),
        ),
      },
      options: { responsive: true, maintainAspectRatio: false, indexAxis: 'y' },
    }),
    [forecast],
  );
  if (forecast.finds.length === 0 && forecast.unplanned.length === 0)
    return <p>The pool has no tests.</p>;
  return (
    <>
      <Chart
        config={config}
        label={`Demand, qualifying, free, leased and consumed rows per find of pool ${forecast.pool}`}
      />
      <table class="finds">
        <caption>Per find, from a dry run at {when(forecast.at)} (nothing was allocated)</caption>
        <thead>
          <tr>
            <th scope="col">Find</th>
            <th scope="col">Tests</th>
            <th scope="col">Demand</th>
            <th scope="col">Qualifying</th>
            <th scope="col">Free</th>
            <th scope="col">Leased</th>
            <th scope="col">Consumed</th>
            <th scope="col">Makes</th>
            <th scope="col">Short</th>
          </tr>
        </thead>
        <tbody>
          {forecast.finds.map((f) => (
            <tr key={findLabel(f)} class={f.short > 0 ? 'short' : undefined}>
              <th scope="row">{findLabel(f)}</th>
              <td class="num">{f.tests.length}</td>
              <td class="num">{count(f.demand)}</td>
              <td class="num">{count(f.qualifying)}</td>
              <td class="num" data-cell="free">
                {count(f.free)}
              </td>
              <td class="num">{count(f.leased)}</td>
              <td class="num">{count(f.consumed)}</td>
              <td class="num">{count(f.makes)}</td>
              <td class="num">{count(f.short)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {forecast.unplanned.length === 0 ? null : (
        <>
          <h3>Tests that cannot be planned</h3>
          <ul>
            {forecast.unplanned.map((t) => (
              <li key={`${t.suite}/${t.test}`}>
                {t.suite} / {t.test}: {t.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function Depletion({ forecast }: { forecast: PoolForecast }) {
  const config = useMemo<ChartConfiguration>(() => {
    const past = forecast.finds[0]?.daily.map((d) => d.date) ?? [];
    const today = Date.parse(forecast.at);
    const future = Array.from({ length: HORIZON_DAYS }, (_, i) =>
      new Date(today + (i + 1) * 86_400_000).toISOString().slice(0, 10),
    );
    const labels = [...past, ...future];
    const taken = past.map((_, i) =>
      forecast.finds.reduce((sum, f) => sum + (f.daily[i]?.rows ?? 0), 0),
    );
    return {
      type: 'line',
      data: {
        labels,
        datasets: [
          {
            type: 'bar',
            label: 'rows taken per day (all finds)',
            data: [...taken, ...future.map(() => null)],
            backgroundColor: '#9ca3af',
          },
          ...forecast.finds.slice(0, COLOURS.length).map((f, i) => ({
            type: 'line' as const,
            label: `free: ${findLabel(f)}`,
            // Free rows today, then falling at the recent rate until none are left.
            data: [
              ...past.slice(0, -1).map(() => null),
              ...[0, ...future.map((_, d) => d + 1)].map((d) =>
                Math.max(0, Math.round(f.free - f.ratePerDay * d)),
              ),
            ],
            borderColor: COLOURS[i],
            backgroundColor: COLOURS[i],
            pointRadius: 0,
          })),
        ],
      },
      options: { responsive: true, maintainAspectRatio: false },
    } as ChartConfiguration;
  }, [forecast]);
  return (
    <>
      <Chart
        config={config}
        label={`Rows taken per day over the last ${forecast.days} days, and each find's free rows projected at that rate`}
      />
      <table class="depletion">
        <caption>When each find runs out at the rate of the last {forecast.days} days</caption>
        <thead>
          <tr>
            <th scope="col">Find</th>
            <th scope="col">Free now</th>
            <th scope="col">Taken</th>
            <th scope="col">Rows per day</th>
            <th scope="col">Runs out</th>
          </tr>
        </thead>
        <tbody>
          {forecast.finds.map((f) => (
            <tr key={findLabel(f)}>
              <th scope="row">{findLabel(f)}</th>
              <td class="num">{count(f.free)}</td>
              <td class="num">{count(f.taken)}</td>
              <td class="num">{f.ratePerDay.toFixed(1)}</td>
              <td>
                {until(f.runsOutAt, Date.parse(forecast.at))}
                {f.runsOutAt === null ? '' : ` (${when(f.runsOutAt)})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
