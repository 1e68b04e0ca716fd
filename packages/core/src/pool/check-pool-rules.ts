import { checkTemplate } from '../make/render-template.js';
import type { Generator } from '../model/pool-definition.js';
import type { PathIssue, PathSegment } from './issue-path.js';
import { isBlockVersion, parseBlockRef } from './parse-block-ref.js';
import type { RawMake, RawPool, RawTest } from './raw-pool.js';

/** What the checks of one test need to know about its pool. */
interface PoolFacts {
  key: string;
  blocks: string[];
}

/**
 * The rules a schema cannot express: unique block names and test names,
 * finds and makes that name blocks of the pool (with well-formed pinned
 * versions), makes that generate the key column with templates that render,
 * and column lists without repeats. Columns themselves are checked against
 * the data blocks later, when the blocks are known.
 */
export function checkPoolRules(pool: RawPool): PathIssue[] {
  const blocks = (pool.blocks ?? []).map((block) =>
    typeof block === 'string' ? block : block.name,
  );
  const facts: PoolFacts = { key: pool.key, blocks };
  return [
    ...repeats(blocks, ['blocks'], (name) => `block "${name}" is listed twice`),
    ...duplicateTests(pool.tests),
    ...pool.tests.flatMap((test, index) => checkTest(test, ['tests', index], facts)),
  ];
}

function duplicateTests(tests: RawTest[]): PathIssue[] {
  const first = new Map<string, number>();
  const issues: PathIssue[] = [];
  tests.forEach((test, index) => {
    const id = JSON.stringify([test.suite, test.test]);
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, index);
      return;
    }
    const message = `duplicate test "${test.test}" in suite "${test.suite}"; tests[${earlier}] has the same suite and test`;
    issues.push({ segments: ['tests', index, 'test'], message });
  });
  return issues;
}

function checkTest(test: RawTest, at: PathSegment[], facts: PoolFacts): PathIssue[] {
  const issues: PathIssue[] = [];
  if (test.find.query === undefined && facts.blocks.length === 0) {
    const message =
      'a find over data blocks needs the pool\'s "blocks": list them, or give the find a "query" on a resolution server';
    issues.push({ segments: [...at, 'find'], message });
  }
  if (test.find.from !== undefined) {
    issues.push(...checkBlockRef(test.find.from, [...at, 'find', 'from'], facts));
  }
  if (test.find.query !== undefined && test.find.from !== undefined) {
    const message = 'a query find reads its resolution server, not a block: remove "from"';
    issues.push({ segments: [...at, 'find', 'from'], message });
  }
  issues.push(...checkLifecycle(test, at));
  if (test.make !== undefined) {
    const query = test.find.query !== undefined;
    issues.push(...checkMakeKind(test.make, [...at, 'make'], query));
    if (test.make.insert !== undefined)
      issues.push(...checkGenerators(test.make.params, [...at, 'make', 'params']));
    else if (!query && test.make.columns !== undefined)
      issues.push(...checkMake(test.make, [...at, 'make'], facts));
  }
  if (test.columns !== undefined) {
    issues.push(
      ...repeats(test.columns, [...at, 'columns'], (name) => `column "${name}" is listed twice`),
    );
  }
  return issues;
}

/** A SQL teardown needs an insert make; watermarks need a make, in order, and a server for a query find. */
function checkLifecycle(test: RawTest, at: PathSegment[]): PathIssue[] {
  const issues: PathIssue[] = [];
  const teardown = test.make?.teardown;
  if (teardown !== undefined && 'sql' in teardown && test.make?.insert === undefined) {
    issues.push({
      segments: [...at, 'make', 'teardown', 'sql'],
      message:
        'a SQL teardown runs on the resolution server of an "insert" make; a data block make can tear down with "http"',
    });
  }
  if (test.make?.keep === true && teardown === undefined) {
    issues.push({
      segments: [...at, 'make', 'keep'],
      message: '"keep" keeps rows a teardown would remove: this make has no teardown',
    });
  }
  const { topUp } = test;
  if (topUp === undefined) return issues;
  if (test.make === undefined) {
    const message = 'a top-up makes rows with the test\'s make: add a "make" or remove "topUp"';
    issues.push({ segments: [...at, 'topUp'], message });
  }
  if (topUp.high < topUp.low) {
    const message = `the high watermark (${topUp.high}) must be at least the low one (${topUp.low})`;
    issues.push({ segments: [...at, 'topUp', 'high'], message });
  }
  if (test.find.query !== undefined && topUp.server === undefined) {
    const message = 'the find is a SQL query: name the resolution server the top-up makes rows on';
    issues.push({ segments: [...at, 'topUp'], message });
  }
  if (test.find.query === undefined && topUp.server !== undefined) {
    const message = 'a data block find is topped up in the store: remove "server"';
    issues.push({ segments: [...at, 'topUp', 'server'], message });
  }
  return issues;
}

function checkBlockRef(ref: string, at: PathSegment[], facts: PoolFacts): PathIssue[] {
  const { block, version } = parseBlockRef(ref);
  if (!facts.blocks.includes(block)) {
    return [
      {
        segments: at,
        message: `unknown block "${block}"; the pool's blocks are: ${facts.blocks.join(', ')}`,
      },
    ];
  }
  if (version !== null && !isBlockVersion(version)) {
    const message = `invalid version "${version}"; pin a version as "${block}@1.2"`;
    return [{ segments: at, message }];
  }
  return [];
}

/** A block find's make has columns; a query find's make is an insert on its server. */
function checkMakeKind(make: RawMake, at: PathSegment[], query: boolean): PathIssue[] {
  const issue = (message: string) => [{ segments: at, message }];
  if (make.insert !== undefined && make.columns !== undefined) {
    return issue(
      'a make has either "columns" (a data block row) or "insert" (a SQL statement), not both',
    );
  }
  if (query && make.insert === undefined) {
    return issue('the find is a SQL query: its make must be an "insert" on the same server');
  }
  if (!query && make.columns === undefined) {
    return issue(
      make.insert === undefined
        ? 'a make needs "columns"'
        : 'an "insert" make needs a find with a "query"',
    );
  }
  if (make.insert !== undefined && make.block !== undefined) {
    return issue('an "insert" make writes to the resolution server: remove "block"');
  }
  return [];
}

function checkMake(make: RawMake, at: PathSegment[], facts: PoolFacts): PathIssue[] {
  const issues: PathIssue[] = [];
  const columns = make.columns ?? {};
  if (make.block !== undefined) issues.push(...checkBlockRef(make.block, [...at, 'block'], facts));
  if (!Object.hasOwn(columns, facts.key)) {
    issues.push({
      segments: [...at, 'columns'],
      message: `make must generate the key column "${facts.key}"`,
    });
  }
  issues.push(...checkGenerators(columns, [...at, 'columns']));
  return issues;
}

function checkGenerators(
  generators: Record<string, Generator> | undefined,
  at: PathSegment[],
): PathIssue[] {
  return Object.entries(generators ?? {}).flatMap(([name, generator]) =>
    checkGenerator(generator, [...at, name]),
  );
}

function checkGenerator(generator: Generator, at: PathSegment[]): PathIssue[] {
  const template = templateOf(generator);
  if (template === null) return [];
  const problem = checkTemplate(template.text);
  return problem === null ? [] : [{ segments: [...at, ...template.under], message: problem }];
}

/** The template a generator renders, if any, and where it sits under the column. */
function templateOf(generator: Generator): { text: string; under: PathSegment[] } | null {
  if (typeof generator === 'string')
    return generator.includes('{{') ? { text: generator, under: [] } : null;
  if (typeof generator === 'object' && generator !== null && 'template' in generator) {
    return { text: generator.template, under: ['template'] };
  }
  return null;
}

function repeats(
  names: string[],
  at: PathSegment[],
  message: (name: string) => string,
): PathIssue[] {
  const seen = new Set<string>();
  const issues: PathIssue[] = [];
  names.forEach((name, index) => {
    if (seen.has(name)) issues.push({ segments: [...at, index], message: message(name) });
    seen.add(name);
  });
  return issues;
}
