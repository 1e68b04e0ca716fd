import { existsSync } from 'node:fs';
import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';

/** True when `path` is `root` or inside it. */
export const isInside = (path: string, root: string): boolean => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** The entries of a node_modules directory, scoped packages and `.bin` included. */
async function moduleEntries(modulesDir: string): Promise<string[]> {
  const entries: string[] = [];
  for (const name of await readdir(modulesDir)) {
    const path = join(modulesDir, name);
    entries.push(path);
    if (name.startsWith('@') || name === '.bin') {
      entries.push(...(await readdir(path)).map((child) => join(path, child)));
    }
  }
  return entries;
}

/** A lockfile entry of npm's package-lock.json v3. */
interface LockEntry {
  resolved?: string;
  link?: boolean;
}

/**
 * Everything of an installed project that leads into `root`: symbolic links
 * in its node_modules whose target lies there, and package-lock entries that
 * are links or resolve to a path there. Empty when the project stands alone.
 */
export async function linksInto(projectDir: string, root: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await moduleEntries(join(projectDir, 'node_modules'))) {
    if (!(await lstat(entry)).isSymbolicLink()) continue;
    const target = await realpath(entry);
    if (isInside(target, root)) found.push(`${entry} -> ${target}`);
  }
  const lockPath = join(projectDir, 'package-lock.json');
  if (existsSync(lockPath)) {
    const lock = JSON.parse(await readFile(lockPath, 'utf8')) as {
      packages: Record<string, LockEntry>;
    };
    for (const [key, entry] of Object.entries(lock.packages)) {
      if (entry.link === true) found.push(`${key}: a link to ${entry.resolved}`);
      const resolved = entry.resolved ?? '';
      if (resolved.startsWith('file:')) {
        const path = resolve(projectDir, resolved.slice('file:'.length));
        if (isInside(path, root)) found.push(`${key}: resolved from ${path}`);
      }
    }
  }
  return found;
}
