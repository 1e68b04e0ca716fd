import type { BlockUpload } from '@allot/protocol';
import { AllotClientError } from './allot-client-error.js';
import { fileLabel, readFileSource, type FileSource } from './file-source.js';
import { displayUrl, send, type TransportOptions } from './transport.js';

/** Options of {@link AllotClient.uploadBlock}. */
export interface UploadBlockOptions {
  /** A column whose values must be present and unique (a pool's `key`). */
  keyColumn?: string;
}

/**
 * Uploads a CSV (or `.json` rows) file as the data block's next version; the
 * server stores nothing when the file is identical to the last import
 * (`imported: false`). Needs the manager role.
 */
export async function uploadBlock(
  transport: TransportOptions,
  block: string,
  file: FileSource,
  options: UploadBlockOptions = {},
): Promise<BlockUpload> {
  const subject = `uploading ${fileLabel(file)} as data block ${JSON.stringify(block)}`;
  const query =
    options.keyColumn === undefined ? '' : `?keyColumn=${encodeURIComponent(options.keyColumn)}`;
  const answer = await send<BlockUpload>(transport, {
    method: 'POST',
    path: `/api/v1/blocks/${encodeURIComponent(block)}${query}`,
    file: await readFileSource(file, 'data block file'),
    keyInHeader: true,
    subject,
  });
  if (typeof answer.imported !== 'boolean' || typeof answer.version?.version !== 'string') {
    throw new AllotClientError({
      code: 'BAD_RESPONSE',
      message: `${subject} at ${displayUrl(transport.baseUrl)}: the answer is not a block upload (imported, version); is this an allot server?`,
    });
  }
  return answer;
}
