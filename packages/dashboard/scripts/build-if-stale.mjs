// Builds the dashboard with Vite unless its built assets are newer than
// every source they come from, so `pnpm build` (and `pnpm test`, which runs
// it) costs nothing when the dashboard has not changed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const built = join(root, 'dist', 'ui', 'index.html');
const sources = [join(root, 'app'), join(root, 'vite.config.mjs'), join(root, 'package.json')];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

if (existsSync(built) && statSync(built).mtimeMs > Math.max(...sources.map(newest))) {
  console.log('dashboard: up to date');
} else {
  const vite = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'vite.config.mjs',
      '--logLevel',
      'warn',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  process.exitCode = vite.status ?? 1;
}
