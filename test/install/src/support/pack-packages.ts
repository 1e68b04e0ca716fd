import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from './paths.js';
import { outputOf, runCommand } from './run-command.js';

/** A public package of the workspace, packed. */
export interface PackedPackage {
  name: string;
  version: string;
  /** Its directory in the workspace. */
  dir: string;
  /** The tarball `pnpm pack` wrote. */
  tarball: string;
}

/** A workspace package.json, as far as packing needs it. */
interface Manifest {
  name: string;
  version?: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** Reads a package.json of the workspace. */
export async function readManifest(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** The directories of the workspace's public packages (those npm would publish). */
export async function publicPackageDirs(): Promise<string[]> {
  const dirs: string[] = [];
  for (const entry of await readdir(join(repoRoot, 'packages'), { withFileTypes: true })) {
    const dir = join(repoRoot, 'packages', entry.name);
    if (!entry.isDirectory() || !existsSync(join(dir, 'package.json'))) continue;
    if ((await readManifest(dir)).private !== true) dirs.push(dir);
  }
  return dirs.sort();
}

/**
 * pnpm as the workspace runs it: the pnpm of `pnpm test` when it is the
 * parent (it may not be on PATH after `npx -y pnpm@10 test`), else `pnpm`.
 */
function pnpmCommand(): [string, string[]] {
  const execPath = process.env['npm_execpath'];
  return execPath !== undefined && /pnpm/.test(execPath)
    ? [process.execPath, [execPath]]
    : ['pnpm', []];
}

/**
 * Packs every public package with `pnpm pack` (which rewrites `workspace:`
 * ranges to versions, as `pnpm publish` does) into `destination`.
 */
export async function packPublicPackages(destination: string): Promise<PackedPackage[]> {
  const [command, prefix] = pnpmCommand();
  const packed: PackedPackage[] = [];
  for (const dir of await publicPackageDirs()) {
    const manifest = await readManifest(dir);
    const result = await runCommand(
      command,
      [...prefix, 'pack', '--pack-destination', destination],
      {
        cwd: dir,
        timeoutMs: 60_000,
      },
    );
    if (result.code !== 0)
      throw new Error(`pnpm pack of ${manifest.name} failed: ${outputOf(result)}`);
    const version = manifest.version ?? '';
    const tarball = join(
      destination,
      `${manifest.name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`,
    );
    if (!existsSync(tarball)) throw new Error(`pnpm pack of ${manifest.name} wrote no ${tarball}`);
    packed.push({ name: manifest.name, version, dir, tarball });
  }
  return packed;
}
