import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectDir } from './support/paths.js';

const readme = join(projectDir, '..', '..', 'README.md');

/** The code blocks of the root README's Playwright section. */
async function playwrightBlocks(): Promise<string[]> {
  const text = await readFile(readme, 'utf8');
  const section = /\n### Playwright\n([\s\S]*?)\n##+ /.exec(text)?.[1];
  expect(section, 'README.md has a "### Playwright" section').toBeDefined();
  return [...(section ?? '').matchAll(/```\w*\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
}

describe("the root README's Playwright example", () => {
  it('shows the spec this project runs, word for word', async () => {
    const spec = (await playwrightBlocks()).find((b) => b.startsWith('// tests/sign-in.spec.ts\n'));
    expect(spec).toBe(
      `// tests/sign-in.spec.ts\n${await readFile(join(projectDir, 'tests', 'sign-in.spec.ts'), 'utf8')}`,
    );
  });

  it("uses this project's pool and config", async () => {
    const blocks = await playwrightBlocks();
    const config = await readFile(join(projectDir, 'playwright.config.ts'), 'utf8');
    expect(blocks.find((b) => b.startsWith('// playwright.config.ts'))).toContain(
      "use: { allotPool: 'web' }",
    );
    expect(config).toContain("allotPool: 'web'");
    const commands = blocks.find((b) => b.startsWith('npx allot run'));
    expect(commands).toContain('npx allot run allot/pool.yaml --results allot-results.json');
    expect(commands).toContain(
      'ALLOT_RESULTS_FILE=allot-results.json npx playwright test --workers 4',
    );
    expect(existsSync(join(projectDir, 'allot', 'pool.yaml'))).toBe(true);
  });
});
