import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ResultsFileContent } from '@allot/client';

export type ResultsOutput = ResultsFileContent;

/** Writes a results file like `allot run` does: a temporary file renamed over the target. */
export async function writeResultsFile(path: string, content: ResultsOutput): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, JSON.stringify(content, null, 2) + '\n', 'utf8');
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
