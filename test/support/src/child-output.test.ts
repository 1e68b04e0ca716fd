import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { watchOutput } from './child-output.js';

/** A node child running `script`, both output pipes piped. */
const node = (script: string) =>
  spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });

describe('watchOutput', () => {
  it('finds a line written before the wait began, and one written after', async () => {
    const child = node(
      "process.stdout.write('key allot_1\\n'); setTimeout(() => process.stderr.write('serving on http://x\\n'), 300)",
    );
    const output = watchOutput(child);
    await new Promise((resolve) => child.stdout.once('data', resolve));
    expect((await output.waitFor('stdout', /(allot_\S+)/))[1]).toBe('allot_1');
    expect((await output.waitFor('stderr', /serving on (\S+)/))[1]).toBe('http://x');
    expect(output.text('stdout')).toBe('key allot_1\n');
  });

  it('fails as soon as the child exits without the line, with what it wrote', async () => {
    const output = watchOutput(node("process.stderr.write('no port\\n'); process.exit(3)"));
    await expect(output.waitFor('stderr', /serving on/, 20_000)).rejects.toThrow(
      /exited with 3 before \/serving on\/ on stderr; stdout: \nstderr: no port/,
    );
  });

  it('fails after the time given when the line never comes', async () => {
    const child = node('setTimeout(() => {}, 10_000)');
    const output = watchOutput(child);
    try {
      await expect(output.waitFor('stdout', /ready/, 200)).rejects.toThrow(
        /no \/ready\/ on stdout within 200 ms/,
      );
    } finally {
      child.kill();
    }
  });
});
