// How the import rules (.dependency-cruiser.mjs) resolve the workspace's own
// packages: each `exports` entry to the source file it is built from, so the
// check needs no build. Read by dependency-cruiser as a webpack config, of
// which it uses `resolve` only.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `text` with the characters that mean something in a regular expression escaped. */
export const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The packages under `root`'s packages/ and test/: folder, name and the source file of each `exports` entry. */
export function workspacePackages(root) {
  const found = [];
  for (const parent of ['packages', 'test']) {
    if (!existsSync(join(root, parent))) continue;
    for (const folder of readdirSync(join(root, parent))) {
      const manifest = join(root, parent, folder, 'package.json');
      if (!existsSync(manifest)) continue;
      const { name, exports = {} } = JSON.parse(readFileSync(manifest, 'utf8'));
      const entries = {};
      for (const [subpath, target] of Object.entries(exports)) {
        const built = typeof target === 'string' ? target : (target.default ?? target.types);
        // dist/x.js (or .d.ts) is built from src/x.ts; other files ship as they are.
        entries[subpath] = built
          .replace(/^\.\//, '')
          .replace(/^dist\//, 'src/')
          .replace(/(\.d)?\.js$|\.d\.ts$/, '.ts');
      }
      found.push({ dir: `${parent}/${folder}`, folder, parent, name, entries });
    }
  }
  return found;
}

/** Patterns of the files that are some package's public entry, relative to `root`. */
export function publicEntries(root) {
  return workspacePackages(root).flatMap((p) =>
    Object.values(p.entries).map((file) => `^${escape(`${p.dir}/${file}`)}$`),
  );
}

/** `@allot/x` and `@allot/x/sub` (exactly) to their source files. */
function aliases(root) {
  const alias = {};
  for (const p of workspacePackages(root)) {
    for (const [subpath, file] of Object.entries(p.entries)) {
      alias[`${p.name}${subpath.slice(1)}$`] = join(root, p.dir, file);
    }
  }
  return alias;
}

export default { resolve: { alias: aliases(process.cwd()) } };
