import {
  AllotError,
  importBlock,
  type BlockStore,
  type BlockVersionMeta,
  type CatalogueStore,
} from '@allot/core';
import { checkTdoCsv, dropStagedUpload, stagedUploadText } from './staged-upload.js';

/** The second step of a TDO upload. */
export interface BindUpload {
  workspace: string;
  /** The id the first step answered. */
  id: string;
  fileName: string;
  block: string;
  /** The existing version the upload refreshes; checked, the new version is numbered next. */
  version?: string;
  now: Date;
}

/**
 * Binds a staged upload to a data block: version 1.0 for a new name, the
 * next 1.n otherwise. The staged upload is then gone: binding it twice is
 * `NOT_FOUND`. A `version` that is not one of the block's is INVALID_INPUT.
 */
export async function bindUpload(
  store: BlockStore & CatalogueStore,
  request: BindUpload,
): Promise<BlockVersionMeta> {
  const text = await stagedUploadText(store, request.workspace, request.id, request.now);
  if (request.version !== undefined) {
    const versions = await store.listBlockVersions(request.workspace, request.block);
    if (!versions.some((v) => v.version === request.version))
      throw new AllotError(
        'INVALID_INPUT',
        `version: data block "${request.block}" has no version "${request.version}" to refresh` +
          (versions.length === 0 ? ' (it has none yet: leave version out)' : ''),
        { field: 'version' },
      );
  }
  checkTdoCsv(text, request.fileName);
  const { meta } = await importBlock(store, {
    workspace: request.workspace,
    block: request.block,
    text,
    source: request.fileName,
    format: 'csv',
  });
  await dropStagedUpload(store, request.workspace, request.id, request.now);
  return meta;
}
