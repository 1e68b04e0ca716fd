import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jqOnPath, type JqOnPath } from './jq-on-path.js';

const run = promisify(execFile);

describe('jqOnPath', () => {
  let jq: JqOnPath;
  beforeAll(async () => {
    jq = await jqOnPath();
  });
  afterAll(() => jq.close());

  const bash = async (script: string) =>
    (await run('bash', ['-c', script], { env: jq.env() })).stdout;

  it('is the jq a script finds, even where another jq is installed', async () => {
    expect((await bash('command -v jq')).trim()).toBe(jq.launcher);
  });

  it('runs jq with its flags: -r, -c, --arg, and a newline after each output', async () => {
    const out = await bash(
      `echo '{"a":"x y","b":[1,2]}' | jq -r '.a'
echo '{"a":"x y","b":[1,2]}' | jq -c '.b'
echo '{"a":1} {"a":2}' | jq '.a'
echo null | jq -r --arg v 'z w' '$v'`,
    );
    expect(out).toBe('x y\n[1,2]\n1\n2\nz w\n');
  });

  it('reads the files named after the filter', async () => {
    const out = await bash(`f=$(mktemp); echo '{"id":7}' > "$f"; jq -r .id "$f"; rm "$f"`);
    expect(out).toBe('7\n');
  });

  it("fails as jq does on bad input, with jq's message", async () => {
    const failed = await run('bash', ['-c', `echo '{' | jq .a`], { env: jq.env() }).catch(
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failed).toMatchObject({ code: 5, stderr: expect.stringMatching(/^jq: .*parse error/) });
  });
});
