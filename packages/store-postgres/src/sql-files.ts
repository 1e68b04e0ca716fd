import { readFile } from 'node:fs/promises';

/** Every SQL operation of the store: one file each under `sql/`. */
export const SQL_OPERATIONS = [
  'advance-job-ids',
  'append-audit',
  'append-event',
  'catalogue-by-id',
  'catalogue-delete',
  'catalogue-insert',
  'catalogue-latest',
  'catalogue-list',
  'catalogue-lock-name',
  'catalogue-lock-name-shared',
  'catalogue-set-lock',
  'catalogue-versions',
  'claim-rows',
  'claim-state',
  'count-block-rows',
  'count-datasets',
  'count-unread-notifications',
  'create-workspace',
  'delete-dataset',
  'delete-notification',
  'delete-pool',
  'delete-project',
  'delete-user',
  'due-expired-made-rows',
  'due-made-rows',
  'delete-variable',
  'find-api-key',
  'find-claim-conflicts',
  'find-existing-keys',
  'find-live-job',
  'find-project',
  'find-taken-tests',
  'finish-teardown',
  'gather-candidates',
  'get-dataset',
  'get-job',
  'get-job-state',
  'get-notification',
  'get-pool',
  'get-project',
  'get-result',
  'get-results',
  'get-user',
  'get-variable',
  'get-workspace',
  'hold-made-rows',
  'insert-block-rows',
  'insert-block-version',
  'insert-consumed',
  'insert-dataset',
  'insert-job',
  'insert-job-tests',
  'insert-project',
  'insert-variable',
  'list-api-keys',
  'list-audit',
  'list-block-versions',
  'list-blocks',
  'list-datasets',
  'list-events',
  'list-job-states',
  'list-jobs',
  'list-made-rows',
  'list-notifications',
  'list-pools',
  'list-projects',
  'list-results',
  'list-users',
  'list-variables',
  'list-workspaces',
  'live-result-holders',
  'lock-commit',
  'lock-dataset',
  'lock-project',
  'mark-notifications-read',
  'next-block-seq',
  'prune-job-states',
  'purge-expired-leases',
  'put-api-key',
  'put-dataset-values',
  'put-job-state',
  'put-pool',
  'put-user',
  'queue-due-made-rows',
  'query-block-rows',
  'read-block-rows',
  'record-made-rows',
  'release-job',
  'release-superseded',
  'release-test',
  'rename-dataset',
  'rename-variable',
  'reserve-job-id',
  'rows-by-key',
  'start-teardown',
  'take-quota',
  'update-project',
  'upsert-results',
] as const;

export type SqlOperation = (typeof SQL_OPERATIONS)[number];

/** The text of every operation, by name. */
export type SqlTexts = Readonly<Record<SqlOperation, string>>;

/**
 * Pieces of SQL that several operations share, one file each under
 * `sql/fragments/`: an operation names one as `{{name}}` where its text goes,
 * so a rule the statements share is written once.
 */
export const SQL_FRAGMENTS = [
  'dataset-record',
  'held-tests',
  'project-record',
  'variable-record',
] as const;

/** `sql/` beside `src/` and `dist/`, so the same code works built and in tests. */
const SQL_DIR = new URL('../sql/', import.meta.url);

const FRAGMENT = /\{\{([a-z-]+)\}\}/g;

let loading: Promise<SqlTexts> | undefined;

/** Reads the operations once per process; a missing file fails the store's opening, not a later query. */
export function loadSqlTexts(): Promise<SqlTexts> {
  loading ??= (async () => {
    const fragments = new Map(
      await Promise.all(
        SQL_FRAGMENTS.map(
          async (name) =>
            [name, (await readSql(`fragments/${name}`)).trim()] as readonly [string, string],
        ),
      ),
    );
    const entries = await Promise.all(
      SQL_OPERATIONS.map(
        async (name) => [name, withFragments(name, await readSql(name), fragments)] as const,
      ),
    );
    return Object.fromEntries(entries) as Record<SqlOperation, string>;
  })();
  return loading;
}

function readSql(name: string): Promise<string> {
  return readFile(new URL(`${name}.sql`, SQL_DIR), 'utf8');
}

/** An operation's text with each `{{fragment}}` written out; an unknown name fails the opening. */
export function withFragments(
  operation: string,
  text: string,
  fragments: ReadonlyMap<string, string>,
): string {
  return text.replace(FRAGMENT, (_whole, name: string) => {
    const fragment = fragments.get(name);
    if (fragment === undefined)
      throw new Error(`sql/${operation}.sql names an unknown fragment {{${name}}}`);
    return fragment;
  });
}
