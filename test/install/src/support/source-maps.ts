import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** Every file under `dir`. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The source-map references of an installed package that lead nowhere: a
 * `sourceMappingURL` comment naming a missing map, or a map whose `sources`
 * are missing from the package (a debugger or an editor's go-to-definition
 * would then point at files the user does not have).
 */
export async function brokenSourceMaps(packageDir: string): Promise<string[]> {
  const broken: string[] = [];
  for (const file of await filesUnder(packageDir)) {
    if (/\.(js|d\.ts)$/.test(file)) {
      const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(await readFile(file, 'utf8'))?.[1];
      if (
        url !== undefined &&
        !url.startsWith('data:') &&
        !existsSync(resolve(dirname(file), url))
      ) {
        broken.push(`${file}: no ${url}`);
      }
    } else if (file.endsWith('.map')) {
      const map = JSON.parse(await readFile(file, 'utf8')) as {
        sources: string[];
        sourceRoot?: string;
      };
      for (const source of map.sources) {
        const path = resolve(dirname(file), map.sourceRoot ?? '', source);
        if (!existsSync(path)) broken.push(`${file}: no ${source}`);
      }
    }
  }
  return broken;
}
