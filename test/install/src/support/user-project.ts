import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readManifest, type PackedPackage } from './pack-packages.js';
import { projectTemplate, repoRoot } from './paths.js';
import { outputOf, runCommand } from './run-command.js';

/**
 * The test runners a user installs next to allot, in the ranges the
 * workspace's own packages and suites test against: `[package, workspace
 * folder]`.
 */
const RUNNERS: [string, string][] = [
  ['@playwright/test', 'packages/playwright-fixture'],
  ['@cucumber/cucumber', 'packages/cucumber-steps'],
  ['jest', 'test/jest'],
];

/** The range of `name` that the workspace folder `dir` depends on or develops with. */
async function workspaceRange(name: string, dir: string): Promise<string> {
  const manifest = await readManifest(join(repoRoot, dir));
  const range = manifest.devDependencies?.[name] ?? manifest.dependencies?.[name];
  if (range === undefined) throw new Error(`${dir} does not depend on ${name}`);
  return range;
}

/**
 * Writes a user's project into `dir` (an ES module package: `"type":
 * "module"`) and installs allot's tarballs and the test runners in it with
 * ONE `npm install`, from npm's cache when it can.
 */
export async function installUserProject(dir: string, packed: PackedPackage[]): Promise<void> {
  await cp(projectTemplate, dir, { recursive: true });
  const dependencies: Record<string, string> = {};
  for (const pkg of packed) dependencies[pkg.name] = `file:${pkg.tarball}`;
  for (const [name, workspaceDir] of RUNNERS) {
    dependencies[name] = await workspaceRange(name, workspaceDir);
  }
  const manifest = { name: 'allot-user-project', private: true, type: 'module', dependencies };
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const result = await runCommand(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel', 'error'],
    { cwd: dir, timeoutMs: 300_000 },
  );
  if (result.code !== 0) throw new Error(`npm install failed: ${outputOf(result)}`);
}
