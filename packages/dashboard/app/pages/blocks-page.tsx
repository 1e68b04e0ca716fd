import type { Page } from '../api/client.js';
import type { BlockVersion } from '../api/types.js';
import { ErrorAlert } from '../components/error-alert.js';
import { count, when } from '../format.js';
import { useLoad } from '../hooks.js';
import { href } from '../router.js';
import type { Session } from '../session.js';

/** Every data block of the workspace, at its latest version. */
export function BlocksPage({ session }: { session: Session }) {
  const blocks = useLoad(() => session.api.get<Page<BlockVersion>>('/blocks', { limit: 200 }), []);
  return (
    <>
      <h1>Data blocks</h1>
      <ErrorAlert error={blocks.error} />
      {blocks.data === undefined ? (
        <p aria-busy="true">Loading data blocks…</p>
      ) : blocks.data.items.length === 0 ? (
        <p>No data blocks yet.</p>
      ) : (
        <table>
          <caption>Data blocks at their latest version</caption>
          <thead>
            <tr>
              <th scope="col">Block</th>
              <th scope="col">Latest version</th>
              <th scope="col">Rows</th>
              <th scope="col">Columns</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {blocks.data.items.map((b) => (
              <tr key={b.block}>
                <th scope="row">
                  <a href={href('blocks', b.block)}>{b.block}</a>
                </th>
                <td>{b.version}</td>
                <td class="num">{count(b.rowCount)}</td>
                <td>{b.columns.join(', ')}</td>
                <td>{when(b.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
