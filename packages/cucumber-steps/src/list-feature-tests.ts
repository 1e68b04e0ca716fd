import { readFile } from 'node:fs/promises';
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import { featureSuiteName, scenarioTestName } from './scenario-test-name.js';

/** One test a feature file asks for, named as the runtime hooks name it. */
export interface FeatureTest {
  /** The `@pool:<name>` tag (the last one on the scenario, its examples or feature), or undefined. */
  pool: string | undefined;
  suite: string;
  test: string;
  /** `path:line` of the scenario or example row. */
  location: string;
}

/**
 * The tests of feature files, one per scenario and per Scenario Outline
 * example row, named by {@link scenarioTestName}: what a discovery step
 * (the GitHub Action's `discover: cucumber`) puts in the bundle.
 */
export async function listFeatureTests(paths: readonly string[]): Promise<FeatureTest[]> {
  const tests: FeatureTest[] = [];
  for (const path of paths) {
    const source = await readFile(path, 'utf8');
    const newId = IdGenerator.uuid();
    const document = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher()).parse(
      source,
    );
    const lines = new Map<string, number>();
    collectLines(document.feature?.children ?? [], lines);
    for (const pickle of compile(document, path, newId)) {
      const last = pickle.astNodeIds[pickle.astNodeIds.length - 1] ?? '';
      tests.push({
        pool: poolTag(pickle.tags.map((t) => t.name)),
        suite: featureSuiteName(document),
        test: scenarioTestName(pickle, document),
        location: `${path}:${lines.get(last) ?? 0}`,
      });
    }
  }
  return tests;
}

/** The pool of a `@pool:<name>` tag; the last one wins, so a scenario's tag beats its feature's. */
export function poolTag(tags: readonly string[]): string | undefined {
  let pool: string | undefined;
  for (const tag of tags) if (tag.startsWith('@pool:') && tag.length > 6) pool = tag.slice(6);
  return pool;
}

interface Located {
  scenario?: {
    id: string;
    location: { line: number };
    examples: ReadonlyArray<{
      tableBody: ReadonlyArray<{ id: string; location: { line: number } }>;
    }>;
  };
  rule?: { children: readonly Located[] };
}

function collectLines(children: readonly Located[], lines: Map<string, number>): void {
  for (const child of children) {
    if (child.scenario !== undefined) {
      lines.set(child.scenario.id, child.scenario.location.line);
      for (const examples of child.scenario.examples)
        for (const row of examples.tableBody) lines.set(row.id, row.location.line);
    }
    if (child.rule !== undefined) collectLines(child.rule.children, lines);
  }
}
