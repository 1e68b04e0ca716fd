import { useState } from 'preact/hooks';
import { seg, type Page } from '../api/client.js';
import { DOWNLOAD_FORMATS, type BlockRowsPage, type BlockVersion } from '../api/types.js';
import { ErrorAlert } from '../components/error-alert.js';
import { Pager } from '../components/pager.js';
import { count, when } from '../format.js';
import { useLoad } from '../hooks.js';
import { href } from '../router.js';
import type { Session } from '../session.js';

const PAGE = 50;

/** One data block: its versions, a version's rows a page at a time (filtered by OData), and downloads. */
export function BlockPage({ session, name }: { session: Session; name: string }) {
  const versions = useLoad(
    () => session.api.get<Page<BlockVersion>>(`/blocks/${seg(name)}/versions`, { limit: 1000 }),
    [name],
  );
  const [chosen, setChosen] = useState<string>();
  const version = chosen ?? versions.data?.items.at(-1)?.version;
  return (
    <>
      <p class="crumbs">
        <a href={href('blocks')}>Data blocks</a> /
      </p>
      <h1>Data block {name}</h1>
      <ErrorAlert error={versions.error} />
      {versions.data === undefined ? (
        <p aria-busy="true">Loading versions…</p>
      ) : (
        <table>
          <caption>Versions, oldest first (each is immutable)</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Rows</th>
              <th scope="col">Origin</th>
              <th scope="col">Created</th>
              <th scope="col">Browse</th>
            </tr>
          </thead>
          <tbody>
            {versions.data.items.map((v) => (
              <tr key={v.version} aria-current={v.version === version ? 'true' : undefined}>
                <th scope="row">{v.version}</th>
                <td class="num">{count(v.rowCount)}</td>
                <td>
                  {v.origin}
                  {v.jobId === null ? '' : ` (job ${v.jobId})`}
                </td>
                <td>{when(v.createdAt)}</td>
                <td>
                  <button
                    type="button"
                    disabled={v.version === version}
                    onClick={() => setChosen(v.version)}
                    aria-label={`Browse version ${v.version}`}
                  >
                    Browse
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {version === undefined ? null : (
        <Rows key={version} session={session} block={name} version={version} />
      )}
    </>
  );
}

function Rows({ session, block, version }: { session: Session; block: string; version: string }) {
  const [offset, setOffset] = useState(0);
  const [filter, setFilter] = useState('');
  const path = `/blocks/${seg(block)}/versions/${seg(version)}`;
  // The OData rows route filters where the rows are (SQL on PostgreSQL) and counts what the filter selects.
  const rows = useLoad(
    () =>
      session.api.get<BlockRowsPage>(`/blocks/${seg(block)}/rows`, {
        version,
        $top: PAGE,
        $skip: offset,
        $count: true,
        $filter: filter === '' ? undefined : filter,
      }),
    [block, version, offset, filter],
  );
  const [format, setFormat] = useState<string>('csv');
  const [saved, setSaved] = useState<{ name?: string; error?: Error }>({});
  const download = async () => {
    setSaved({});
    try {
      const name = await session.api.download(
        `${path}/download`,
        { format },
        `${block}-${version}.${format}`,
      );
      setSaved({ name });
    } catch (error) {
      setSaved({ error: error as Error });
    }
  };
  return (
    <section aria-labelledby="rows-heading">
      <h2 id="rows-heading">
        Rows of {block}@{version}
      </h2>
      <form
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          setOffset(0);
          setFilter(String(new FormData(e.currentTarget).get('filter') ?? '').trim());
        }}
      >
        <label for="row-filter">Filter (OData $filter)</label>{' '}
        <input
          id="row-filter"
          name="filter"
          defaultValue={filter}
          placeholder="status eq 'active'"
          size={40}
        />{' '}
        <button type="submit">Apply</button>
      </form>
      <form
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          void download();
        }}
      >
        <label for="download-format">Download format</label>{' '}
        <select
          id="download-format"
          value={format}
          onChange={(e) => setFormat(e.currentTarget.value)}
        >
          {DOWNLOAD_FORMATS.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>{' '}
        <button type="submit">Download</button>{' '}
        <span role="status">{saved.name === undefined ? '' : `Saved ${saved.name}`}</span>
      </form>
      <ErrorAlert error={saved.error} />
      <ErrorAlert error={rows.error} />
      {/* A rejected filter shows its error alone: the rows of the previous filter would mislead. */}
      {rows.error !== undefined ? null : rows.data === undefined ? (
        <p aria-busy="true">Loading rows…</p>
      ) : (
        <>
          <div class="scroll" role="region" aria-label="Rows" tabIndex={0}>
            <table class="rows">
              <caption>
                {rows.data.items.length === 0
                  ? `No rows of ${count(rows.data.total)}`
                  : `Rows ${count(rows.data.offset + 1)}–${count(rows.data.offset + rows.data.items.length)} of ${count(rows.data.total)}`}
              </caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  {rows.data.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.data.items.map((row, i) => (
                  <tr key={rows.data!.offset + i}>
                    <td class="num">{rows.data!.offset + i + 1}</td>
                    {rows.data!.columns.map((c) => (
                      <td key={c}>
                        {row[c] === null || row[c] === undefined ? '' : String(row[c])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            label="Row pages"
            offset={offset}
            limit={PAGE}
            shown={rows.data.items.length}
            total={rows.data.total}
            hasNext={rows.data.links.next !== null}
            onPage={setOffset}
          />
        </>
      )}
    </section>
  );
}
