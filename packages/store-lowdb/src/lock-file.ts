import { open, readFile, rm } from 'node:fs/promises';
import { AllotError } from '@allot/core';

/**
 * An exclusive lock on a data directory: a file holding the owner's pid.
 * A lock left by a process that no longer runs (a crash, a SIGKILL) is taken over.
 */
export class LockFile {
  readonly #path: string;

  private constructor(path: string) {
    this.#path = path;
  }

  static async acquire(path: string, what: string): Promise<LockFile> {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const file = await open(path, 'wx');
        await file.writeFile(JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
        await file.close();
        return new LockFile(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = await readOwner(path);
      if (owner !== null && isRunning(owner)) {
        throw new AllotError(
          'STORE_LOCKED',
          `${what} is in use by process ${owner} (lock file ${path}); the embedded store serves one process: stop that process, use another data directory, or run a server`,
          { lockFile: path, pid: owner },
        );
      }
      await rm(path, { force: true });
    }
    throw new AllotError('STORE_LOCKED', `could not take the lock file ${path}`, {
      lockFile: path,
    });
  }

  release(): Promise<void> {
    return rm(this.#path, { force: true });
  }
}

async function readOwner(path: string): Promise<number | null> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as { pid?: unknown };
    return typeof parsed.pid === 'number' ? parsed.pid : null;
  } catch {
    // A lock file cut short by a crash between open and write holds no owner.
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
