import { AllotError, type CatalogueRecord, type CatalogueStore } from '@allot/core';
import type { S3Target } from './object-storage.js';

/** The catalogue kind of S3 integrations: one name per integration, a new version per change. */
export const S3_INTEGRATION_KIND = 's3-integration';

/** What an S3 integration's catalogue record holds (the secret key included: uploads sign with it). */
export interface S3IntegrationBody {
  name: string | null;
  active: boolean;
  target: S3Target;
}

/** An S3 integration as every surface shows it: never the secret access key. */
export interface S3IntegrationView {
  id: string;
  workspace: string;
  name: string | null;
  active: boolean;
  bucket: string;
  region: string;
  endpoint: string | null;
  prefix: string;
  forcePathStyle: boolean;
  accessKeyId: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** The view of an integration's latest record. */
export function toS3Integration(record: CatalogueRecord): S3IntegrationView {
  const body = record.body as S3IntegrationBody;
  const { secretAccessKey: _secret, ...shown } = body.target;
  return {
    id: record.id,
    workspace: record.workspace,
    name: body.name,
    active: body.active,
    ...shown,
    createdBy: record.createdBy,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** The latest record of an S3 integration; NOT_FOUND for an unknown id or one of another kind. */
export async function s3IntegrationRecord(
  store: CatalogueStore,
  workspace: string,
  id: string,
): Promise<CatalogueRecord> {
  const record = /^[0-9a-f]{24}$/.test(id)
    ? await store.getCatalogueById(workspace, id)
    : undefined;
  if (record?.kind !== S3_INTEGRATION_KIND)
    throw new AllotError('NOT_FOUND', `no S3 integration ${id}`);
  return record;
}

/** Every S3 integration of a workspace, oldest first. */
export async function listS3Integrations(
  store: CatalogueStore,
  workspace: string,
): Promise<S3IntegrationView[]> {
  const records = await store.listCatalogue({
    workspace,
    kind: S3_INTEGRATION_KIND,
    latestOnly: true,
    page: { limit: 1000, offset: 0 },
  });
  return records.map(toS3Integration).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const REGION = /^[a-z0-9-]{1,50}$/;

/**
 * Checks an S3 target and normalises its prefix (no leading `/`, one
 * trailing `/`). Each refusal is `INVALID_INPUT` naming the field under
 * `config.` as the integration's body has it.
 */
export function checkS3Target(target: S3Target): S3Target {
  const invalid = (field: string, message: string) =>
    new AllotError('INVALID_INPUT', message, { field: `config.${field}` });
  if (!BUCKET.test(target.bucket) || target.bucket.includes('..'))
    throw invalid('bucket', 'bucket must be an S3 bucket name (3–63 of a-z, 0-9, ".", "-")');
  if (!REGION.test(target.region)) throw invalid('region', 'region must look like us-east-1');
  if (target.endpoint !== null) {
    let url: URL | undefined;
    try {
      url = new URL(target.endpoint);
    } catch {
      url = undefined;
    }
    if (url === undefined || !['http:', 'https:'].includes(url.protocol) || url.username !== '')
      throw invalid('endpoint', 'endpoint must be an http(s) URL without credentials');
  }
  const prefix = target.prefix.replace(/^\/+/, '');
  const control = [...prefix].some((char) => char.charCodeAt(0) < 0x20);
  if (prefix.length > 512 || prefix.includes('//') || control)
    throw invalid('prefix', 'prefix must be a key prefix of at most 512 characters');
  if (target.accessKeyId.trim() === '') throw invalid('accessKeyId', 'accessKeyId is required');
  if (target.secretAccessKey === '')
    throw invalid('secretAccessKey', 'secretAccessKey is required');
  return { ...target, prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/` };
}
