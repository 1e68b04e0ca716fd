import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces a file so that a crash leaves either the old or the new content
 * whole: write a temp file beside it, fsync it, rename it over the target,
 * then fsync the directory so the rename itself survives a power loss.
 * The content may be given as parts, written in order.
 */
export async function writeFileDurably(
  path: string,
  content: string | Uint8Array | readonly Uint8Array[],
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const file = await open(temp, 'w');
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) await file.writeFile(content);
    // Parts are written one after another: a large file need not be one buffer first.
    else
      for (const part of content)
        for (let done = 0; done < part.length;)
          done += (await file.write(part, done, part.length - done)).bytesWritten;
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
}

/** Fsyncs a directory, so the entries created or renamed in it survive a power loss. */
export async function syncDirectory(path: string): Promise<void> {
  const directory = await open(path, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}
