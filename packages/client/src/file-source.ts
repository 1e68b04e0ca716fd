import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AllotClientError } from './allot-client-error.js';
import type { UploadFile } from './transport.js';

/**
 * A file to upload: a path to read, or a name and content already in hand.
 * The name's extension tells the server the format (`.yaml`, `.json`, `.csv`).
 */
export type FileSource = string | { name: string; content: string | Uint8Array<ArrayBuffer> };

/** Reads a path (naming it when it cannot be read), or passes content through. */
export async function readFileSource(source: FileSource, what: string): Promise<UploadFile> {
  if (typeof source !== 'string') return source;
  try {
    return { name: basename(source), content: await readFile(source) };
  } catch (error) {
    const reason = (error as { code?: unknown }).code ?? (error as Error).message;
    throw new AllotClientError({
      code: 'INVALID_INPUT',
      message: `cannot read ${what} ${source} (${String(reason)}): check the path, relative to ${process.cwd()}`,
      cause: error,
    });
  }
}

/** How messages name the file: its path, or its name when it came as content. */
export function fileLabel(source: FileSource): string {
  return typeof source === 'string' ? source : source.name;
}
