import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** A throw-away repository checkout: a temp copy of a fixture directory, removed by `dispose`. */
export interface Workspace {
  dir: string;
  write(path: string, text: string): Promise<string>;
  dispose(): Promise<void>;
}

/** Copies `test/fixtures/<fixture>` (or nothing) into a new temp directory. */
export async function makeWorkspace(fixture?: string): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), 'allot-action-'));
  if (fixture !== undefined) await cp(join(FIXTURES, fixture), dir, { recursive: true });
  return {
    dir,
    write: async (path, text) => {
      const full = join(dir, path);
      await writeFile(full, text);
      return full;
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The fixture directory itself (for the Playwright project, which needs its node_modules). */
export function fixturePath(path: string): string {
  return join(FIXTURES, path);
}
