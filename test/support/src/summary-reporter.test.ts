import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const reporter = fileURLToPath(new URL('../../summary-reporter.ts', import.meta.url));
const vitestCli = join(
  dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
  'vitest.mjs',
);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'allot-summary-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs vitest on `files` in a project of their own, with the workspace's summary reporter. */
function runVitest(files: Record<string, string>) {
  return Promise.all(
    Object.entries(files).map(([name, text]) => writeFile(join(dir, name), text)),
  ).then(async () => {
    const config = `export default { test: { include: ['*.test.mjs'], reporters: [${JSON.stringify(reporter)}] } };\n`;
    await writeFile(join(dir, 'vitest.config.mjs'), config);
    return new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [vitestCli, 'run', '--root', dir], {
        cwd: dir,
        env: { ...process.env, FORCE_COLOR: '0' },
      });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout }));
    });
  });
}

describe('the summary line', () => {
  it('counts a test file that throws at import as a failed test, not as nothing', async () => {
    const { code, stdout } = await runVitest({
      'passes.test.mjs': `import { it } from 'vitest';\nit('passes', () => {});\nit.skip('is skipped', () => {});\n`,
      'throws.test.mjs': `throw new Error('no database');\n`,
    });
    expect(code).toBe(1);
    expect(stdout).toContain('tests: 1 passed, 1 failed, 1 skipped');
  });
});
