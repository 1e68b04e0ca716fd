import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateWorkflow } from './validate-workflow.js';

const workflowsDir = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  '.github',
  'workflows',
);
const workflows = (await readdir(workflowsDir)).filter((name) => /\.ya?ml$/.test(name)).sort();

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'allot-workflows-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('the workflow files under .github/workflows', () => {
  it('include the CI and the release workflows', () => {
    expect(workflows).toEqual(expect.arrayContaining(['ci.yml', 'release.yml']));
  });

  it.each(workflows)('%s is valid against GitHub’s workflow schema', async (name) => {
    const result = await validateWorkflow(join(workflowsDir, name));
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  // The same files with one mistake each: the check above would catch it.
  const mistakes: [string, (yaml: string) => string][] = [
    ['a misspelt runs-on', (yaml) => yaml.replace('runs-on:', 'runs_on:')],
    [
      'a step with both uses and run',
      (yaml) => yaml.replace(/- uses: (\S+)/, '- uses: $1\n        run: echo'),
    ],
    ['an unknown trigger', (yaml) => yaml.replace(/^on:/m, 'on:\n  pusj:')],
  ];
  it.each(workflows.flatMap((name) => mistakes.map(([what, edit]) => [name, what, edit] as const)))(
    '%s with %s is rejected',
    async (name, _what, edit) => {
      const source = await readFile(join(workflowsDir, name), 'utf8');
      const broken = edit(source);
      expect(broken).not.toBe(source);
      const file = join(scratch, name);
      await writeFile(file, broken);
      const result = await validateWorkflow(file);
      expect(result.code).not.toBe(0);
      expect(result.output).toContain('"errors"');
    },
  );
});
