import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const sequencer = fileURLToPath(new URL('../../slowest-first-sequencer.ts', import.meta.url));
const vitestCli = join(
  dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
  'vitest.mjs',
);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'allot-sequencer-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A test file that notes when it starts; `pad` makes it larger, `sleepMs` slower. */
const testFile = (name: string, { pad = 0, sleepMs = 0 } = {}) => `
import { appendFileSync } from 'node:fs';
import { test } from 'vitest';
appendFileSync(new URL('./started.log', import.meta.url), '${name}\\n');
test('${name}', () => new Promise((resolve) => setTimeout(resolve, ${sleepMs})));
// ${'x'.repeat(pad)}
`;

/** Runs vitest on one worker in the project of `dir`; resolves with the order the files started in. */
async function startOrder(): Promise<string[]> {
  await writeFile(join(dir, 'started.log'), '');
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [vitestCli, 'run', '--root', dir], {
      cwd: dir,
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  expect(code).toBe(0);
  return (await readFile(join(dir, 'started.log'), 'utf8')).trim().split('\n');
}

describe('the slowest-first sequencer', () => {
  it('starts files by their recorded durations on a fresh clone, then by the durations vitest measured', async () => {
    // By size, vitest would start `large` first; by what was recorded, `quick` and `slow` go first.
    await writeFile(join(dir, 'large.test.mjs'), testFile('large', { pad: 5000, sleepMs: 400 }));
    await writeFile(join(dir, 'quick.test.mjs'), testFile('quick'));
    await writeFile(join(dir, 'slow.test.mjs'), testFile('slow', { sleepMs: 200 }));
    await writeFile(
      join(dir, 'durations.json'),
      JSON.stringify({ 'quick.test.mjs': 9000, 'slow.test.mjs': 5000 }),
    );
    await writeFile(
      join(dir, 'vitest.config.mjs'),
      `import { slowestFirst } from ${JSON.stringify(sequencer)};
export default {
  test: {
    include: ['*.test.mjs'],
    maxWorkers: 1,
    sequence: { sequencer: slowestFirst(new URL('./durations.json', import.meta.url)) },
  },
};
`,
    );
    expect(await startOrder()).toEqual(['quick', 'slow', 'large']);
    // The run left vitest's cache behind: its measured durations (large 400 ms, slow 200 ms) win.
    expect(await startOrder()).toEqual(['large', 'slow', 'quick']);
  }, 60_000);
});
