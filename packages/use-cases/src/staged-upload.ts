import { randomUUID } from 'node:crypto';
import { AllotError, isAllotError, parseCsv, type CatalogueStore, type Table } from '@allot/core';

/** The catalogue kind of an upload not yet bound to a data block. */
export const STAGED_UPLOAD_KIND = 'staged-upload';

/** How long an upload waits to be bound before it is dropped. */
export const STAGED_UPLOAD_SECONDS = 3600;

/** What a staged upload keeps. */
interface StagedBody {
  text: string;
  expiresAt: string;
}

const HEADER = /^[a-z_][a-z0-9_]*$/;

/**
 * Checks a CSV file against TDO's ingestion rules: a header row of lower
 * case names with underscores for spaces, and at least one data row.
 * Unlike TDO, a quoted field may hold commas (RFC 4180).
 *
 * @throws AllotError `INVALID_DATA` naming the column or the rule.
 */
export function checkTdoCsv(text: string, source: string): Table {
  const table = parseCsv(text, source);
  table.columns.forEach((column, index) => {
    if (!HEADER.test(column))
      throw new AllotError(
        'INVALID_DATA',
        `${source}: column ${index + 1} "${column}" must be lower case letters, digits and underscores (no spaces), starting with a letter or underscore`,
        { field: `columns[${index}]` },
      );
  });
  if (table.rows.length === 0)
    throw new AllotError('INVALID_DATA', `${source}: the file has a header but no data row`, {
      field: 'rows',
    });
  return table;
}

/**
 * The first step of a TDO upload: checks the CSV and keeps it under a new
 * id until a second step binds it to a data block. Uploads older than
 * {@link STAGED_UPLOAD_SECONDS} are dropped here, so unbound ones expire.
 */
export async function stageUpload(
  store: CatalogueStore,
  workspace: string,
  text: string,
  actor: string,
  now: Date,
): Promise<string> {
  checkTdoCsv(text, 'upload');
  await dropExpired(store, workspace, now);
  const id = randomUUID();
  const body: StagedBody = {
    text,
    expiresAt: new Date(now.getTime() + STAGED_UPLOAD_SECONDS * 1000).toISOString(),
  };
  await store.putCatalogue(
    { kind: STAGED_UPLOAD_KIND, workspace, project: null, name: id, body, actor },
    now,
  );
  return id;
}

/** The text of a staged upload, or `NOT_FOUND` for an unknown or expired id. */
export async function stagedUploadText(
  store: CatalogueStore,
  workspace: string,
  id: string,
  now: Date,
): Promise<string> {
  const record = await store.getCatalogueByName({
    kind: STAGED_UPLOAD_KIND,
    workspace,
    project: null,
    name: id,
  });
  const body = record?.body as StagedBody | undefined;
  if (body === undefined || Date.parse(body.expiresAt) <= now.getTime())
    throw new AllotError(
      'NOT_FOUND',
      `no upload has id "${id}" (unknown, bound already, or expired)`,
      {
        field: 'id',
      },
    );
  return body.text;
}

/** Forgets a staged upload once bound. */
export async function dropStagedUpload(
  store: CatalogueStore,
  workspace: string,
  id: string,
  now: Date,
): Promise<void> {
  await store.deleteCatalogue(
    { kind: STAGED_UPLOAD_KIND, workspace, project: null, name: id, actor: 'upload', force: true },
    now,
  );
}

async function dropExpired(store: CatalogueStore, workspace: string, now: Date): Promise<void> {
  const staged = await store.listCatalogue({
    workspace,
    kind: STAGED_UPLOAD_KIND,
    latestOnly: true,
    page: { offset: 0, limit: 1000 },
  });
  for (const record of staged) {
    if (Date.parse((record.body as StagedBody).expiresAt) > now.getTime()) continue;
    await dropStagedUpload(store, workspace, record.name, now).catch((error: unknown) => {
      if (!isAllotError(error)) throw error;
    });
  }
}
