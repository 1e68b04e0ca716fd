import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PoolValidationError } from '../errors.js';
import type { Issue } from '../errors.js';
import { parsePoolFile, validatePoolObject } from './parse-pool-file.js';

const FILE = '/repo/pools/shop.yaml';

/** Lines are numbered in the comments, so expected line numbers can be read off. */
const SHOP = `# yaml-language-server: $schema=../../packages/core/schema/pool.schema.json
pool: shop
description: Customers for the checkout suites
key: id
blocks:
  - name: customers
    file: ../data/customers.csv
  - orders
secrets: [password]
tests:
  - suite: checkout
    test: pays with a saved card
    find:
      from: customers@1.2
      where: { status: active, balance: { gt: 100 }, or: [ {tier: gold}, {country: {in: [DE, FR]}} ] }
      order: [ { column: balance, direction: desc }, "name", "age desc" ]
    make:
      block: customers
      seed: 42
      columns:
        id: { sequence: { start: 100000, prefix: "C-", pad: 6 } }
        email: "qa+{{run.namespace}}-{{string.alphanumeric(6)}}@example.test"
        status: active
        tier: { oneOf: [gold, silver] }
        note: { const: "{{not a template}}" }
        name: { template: "{{person.fullName}}" }
    count: 2
    columns: [id, email]
    consume: true
  - suite: checkout
    test: views orders
    find: { from: orders }
    readOnly: true
`;

function issuesOf(text: string, file = FILE): Issue[] {
  try {
    parsePoolFile(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(PoolValidationError);
    const invalid = error as PoolValidationError;
    expect(invalid.code).toBe('INVALID_POOL');
    expect(invalid.file).toBe(file);
    return invalid.issues;
  }
  throw new Error('expected the pool to be invalid');
}

/** A minimal valid pool with the given tests (YAML text, indented as list items). */
function poolWith(tests: string): string {
  return `pool: p\nkey: id\nblocks: [customers]\ntests:\n${tests}`;
}

describe('parsePoolFile on a valid pool', () => {
  const pool = parsePoolFile(SHOP, FILE);

  it('names the pool and keeps its description, key and secrets', () => {
    expect(pool).toMatchObject({
      name: 'shop',
      description: 'Customers for the checkout suites',
      key: 'id',
      secrets: ['password'],
    });
  });

  it('turns block shorthands into objects with files resolved against the pool file', () => {
    expect(pool.blocks).toEqual([
      { name: 'customers', file: resolve('/repo/data/customers.csv') },
      { name: 'orders' },
    ]);
  });

  it('normalizes every order form to OrderBy objects', () => {
    expect(pool.tests[0]?.find.order).toEqual([
      { column: 'balance', direction: 'desc' },
      { column: 'name', direction: 'asc' },
      { column: 'age', direction: 'desc' },
    ]);
  });

  it('keeps the where and the make as written', () => {
    const first = pool.tests[0];
    expect(first?.find.where).toEqual({
      status: 'active',
      balance: { gt: 100 },
      or: [{ tier: 'gold' }, { country: { in: ['DE', 'FR'] } }],
    });
    expect(first?.make).toMatchObject({
      block: 'customers',
      seed: 42,
      columns: { note: { const: '{{not a template}}' } },
    });
  });

  it('applies defaults and keeps explicit values', () => {
    expect(pool.tests[0]).toMatchObject({ count: 2, consume: true, readOnly: false });
    expect(pool.tests[0]?.columns).toEqual(['id', 'email']);
    expect(pool.tests[1]).toEqual({
      suite: 'checkout',
      test: 'views orders',
      find: { from: 'orders' },
      count: 1,
      consume: false,
      readOnly: true,
    });
  });

  it('defaults secrets to none', () => {
    const minimal = parsePoolFile(poolWith('  - { suite: s, test: t, find: {} }\n'), FILE);
    expect(minimal.secrets).toEqual([]);
    expect(minimal.description).toBeUndefined();
  });

  it('reads JSON files, including a $schema property', () => {
    const json = JSON.stringify(
      {
        $schema: '../schema/pool.schema.json',
        pool: 'p',
        key: 'id',
        blocks: [{ name: 'b', file: 'b.json' }],
        tests: [{ suite: 's', test: 't', find: { order: 'id desc' } }],
      },
      null,
      '\t',
    );
    const parsed = parsePoolFile(json, '/repo/pools/p.json');
    expect(parsed.blocks).toEqual([{ name: 'b', file: resolve('/repo/pools/b.json') }]);
    expect(parsed.tests[0]?.find.order).toEqual([{ column: 'id', direction: 'desc' }]);
  });
});

describe('parsePoolFile schema errors', () => {
  it('locates a wrong type deep in a where at its line', () => {
    const text = poolWith(
      [
        '  - suite: s', // line 5
        '    test: a',
        '    find: {}',
        '  - suite: s', // line 8
        '    test: b',
        '    find:',
        '      where:',
        '        status: active',
        '        balance:',
        '          gt: true', // line 14
        '',
      ].join('\n'),
    );
    expect(issuesOf(text)).toEqual([
      { path: 'tests[1].find.where.balance.gt', message: 'must be a number or a string', line: 14 },
    ]);
  });

  it('lists the expected properties for an unknown one', () => {
    const text = poolWith('  - suite: s\n    test: t\n    find: {}\n    cout: 2\n');
    expect(issuesOf(text)).toEqual([
      {
        path: 'tests[0].cout',
        message:
          'unknown property "cout"; expected one of: suite, test, find, make, count, columns, consume, readOnly, topUp',
        line: 8,
      },
    ]);
  });

  it('reports a missing required property at the parent', () => {
    const text = poolWith('  - suite: s\n    find: {}\n');
    expect(issuesOf(text)).toEqual([
      { path: 'tests[0]', message: 'missing required property "test"', line: 5 },
    ]);
  });

  it('reports every problem at once, in source order', () => {
    const text = [
      'pool: 3', // 1
      'key: id',
      'blocks: []',
      'tests:',
      '  - suite: s',
      '    test: t',
      '    count: 0', // 7
      '    find:',
      '      order: "balance sideways"', // 9
      '    make:',
      '      columns:',
      '        id: { const: 1, template: x }', // 12
      '        tier: { sequnce: {} }', // 13
      '        list: [1, 2]', // 14
    ].join('\n');
    expect(issuesOf(text)).toEqual([
      { path: 'pool', message: 'must be a string', line: 1 },
      { path: 'tests[0].count', message: 'must be at least 1', line: 7 },
      {
        path: 'tests[0].find.order',
        message: 'must be "column", "column asc" or "column desc"',
        line: 9,
      },
      {
        path: 'tests[0].make.columns.id',
        message: 'must have only one of: const, template, sequence, oneOf',
        line: 12,
      },
      {
        path: 'tests[0].make.columns.tier.sequnce',
        message: 'unknown property "sequnce"; expected one of: const, template, sequence, oneOf',
        line: 13,
      },
      {
        path: 'tests[0].make.columns.list',
        message: 'must be a string, a number, a boolean, null or an object',
        line: 14,
      },
    ]);
  });

  it('quotes column names that are not identifiers', () => {
    const text = poolWith(
      '  - suite: s\n    test: t\n    find:\n      where: { "first name": { like: x } }\n',
    );
    expect(issuesOf(text)).toEqual([
      {
        path: 'tests[0].find.where["first name"].like',
        message: expect.stringContaining(
          'unknown property "like"; expected one of: eq, ne, in',
        ) as string,
        line: 8,
      },
    ]);
  });

  it('rejects block names with a version and block files of other types', () => {
    const text =
      'pool: p\nkey: id\nblocks:\n  - a@1.0\n  - { name: b, file: b.xlsx }\ntests: [{ suite: s, test: t, find: {} }]\n';
    expect(issuesOf(text)).toEqual([
      {
        path: 'blocks[0]',
        message: 'must be a block name without "@" (versions are pinned in find.from)',
        line: 4,
      },
      { path: 'blocks[1].file', message: 'must name a .csv or .json file', line: 5 },
    ]);
  });

  it('rejects a document that is not an object', () => {
    expect(issuesOf('- 1\n- 2\n')).toEqual([{ path: '', message: 'must be an object', line: 1 }]);
  });
});

describe('parsePoolFile syntax and format', () => {
  it('reports YAML syntax errors with their line', () => {
    const issues = issuesOf('pool: p\nkey: id\nkey: other\n');
    expect(issues).toEqual([
      { path: '', message: 'syntax error: Map keys must be unique', line: 3 },
    ]);
  });

  it('reports JSON syntax errors with their line', () => {
    const issues = issuesOf('{\n  "pool": "p",\n  "key": "id" "x"\n}', '/repo/p.json');
    expect(issues[0]?.line).toBe(3);
    expect(issues[0]?.message).toMatch(/^syntax error: /);
  });

  it('reports aliases without an anchor, at the alias', () => {
    const issues = issuesOf('pool: p\nkey: id\ntests:\n  - suite: *name\n');
    expect(issues[0]?.message).toMatch(/^syntax error: Unresolved alias/);
    expect(issues[0]?.line).toBe(4);
  });

  it('reports too many aliases at the first alias', () => {
    const items = (alias: string) => `[${Array(10).fill(alias).join(', ')}]`;
    const text = [
      `a: &a ${items('x')}`,
      'pool: p',
      `b: &b ${items('*a')}`,
      `c: &c ${items('*b')}`,
      `d: &d ${items('*c')}`,
      `e: ${items('*d')}`,
    ].join('\n');
    const issues = issuesOf(text);
    expect(issues[0]?.message).toMatch(/^syntax error: Excessive alias count/);
    expect(issues[0]?.line).toBe(3);
  });

  it('puts the problems of an empty file on its first line', () => {
    expect(issuesOf('')).toEqual([{ path: '', message: 'must be an object', line: 1 }]);
    expect(issuesOf('# nothing yet\n', '/repo/p.yml')).toEqual([
      { path: '', message: 'must be an object', line: 1 },
    ]);
  });

  it('refuses unknown extensions', () => {
    expect(issuesOf('pool: p', '/repo/pool.toml')).toEqual([
      {
        path: '',
        message: 'unsupported pool file extension ".toml"; expected .yaml, .yml or .json',
      },
    ]);
  });

  it('names the file and line in the error message', () => {
    expect(() => parsePoolFile(poolWith('  - suite: s\n    find: {}\n'), FILE)).toThrow(
      `${FILE}:5: tests[0]: missing required property "test"`,
    );
  });
});

describe('parsePoolFile pool rules', () => {
  it('rejects the same suite and test twice', () => {
    const text = poolWith(
      '  - { suite: s, test: t, find: {} }\n  - { suite: s, test: u, find: {} }\n  - { suite: s, test: t, find: {} }\n',
    );
    expect(issuesOf(text)).toEqual([
      {
        path: 'tests[2].test',
        message: 'duplicate test "t" in suite "s"; tests[0] has the same suite and test',
        line: 7,
      },
    ]);
  });

  it('rejects finds and makes naming blocks the pool does not have', () => {
    const text = poolWith(
      [
        '  - suite: s',
        '    test: t',
        '    find: { from: orders }', // 7
        '    make:',
        '      block: orders@1.0', // 9
        '      columns: { id: 1 }',
        '',
      ].join('\n'),
    );
    expect(issuesOf(text)).toEqual([
      {
        path: 'tests[0].find.from',
        message: `unknown block "orders"; the pool's blocks are: customers`,
        line: 7,
      },
      {
        path: 'tests[0].make.block',
        message: `unknown block "orders"; the pool's blocks are: customers`,
        line: 9,
      },
    ]);
  });

  it('accepts a pinned version and rejects a malformed one', () => {
    expect(() =>
      parsePoolFile(poolWith('  - { suite: s, test: t, find: { from: customers@1.12 } }\n'), FILE),
    ).not.toThrow();
    const text = poolWith('  - { suite: s, test: t, find: { from: customers@v1 } }\n');
    expect(issuesOf(text)).toEqual([
      {
        path: 'tests[0].find.from',
        message: 'invalid version "v1"; pin a version as "customers@1.2"',
        line: 5,
      },
    ]);
  });

  it('rejects a make that does not generate the key column', () => {
    const text = poolWith(
      '  - suite: s\n    test: t\n    find: {}\n    make:\n      columns:\n        email: x\n',
    );
    expect(issuesOf(text)).toEqual([
      { path: 'tests[0].make.columns', message: 'make must generate the key column "id"', line: 9 },
    ]);
  });

  it('checks templates in strings and in {template}, but not in {const}', () => {
    const text = poolWith(
      [
        '  - suite: s',
        '    test: t',
        '    find: {}',
        '    make:',
        '      columns:',
        '        id: "{{string.uuid}}"',
        '        email: "{{person.nope}}@x"', // 11
        '        name: { template: "{{person.fullName" }', // 12
        '        note: { const: "{{not a template}}" }',
        '        count: "{{number.int({\\"min\\":9,\\"max\\":1})}}"', // 14
        '',
      ].join('\n'),
    );
    const issues = issuesOf(text);
    expect(issues.map(({ path, line }) => ({ path, line }))).toEqual([
      { path: 'tests[0].make.columns.email', line: 11 },
      { path: 'tests[0].make.columns.name.template', line: 12 },
      { path: 'tests[0].make.columns.count', line: 14 },
    ]);
    expect(issues[0]?.message).toContain('unknown placeholder {{person.nope}}');
    expect(issues[1]?.message).toContain('is not closed with "}}"');
    expect(issues[2]?.message).toContain('faker call {{number.int');
  });

  it('rejects repeated columns and blocks', () => {
    const text = [
      'pool: p',
      'key: id',
      'blocks: [a, b, a]', // 3
      'tests:',
      '  - suite: s',
      '    test: t',
      '    find: {}',
      '    columns:',
      '      - id',
      '      - email',
      '      - id', // 11
    ].join('\n');
    expect(issuesOf(text)).toEqual([
      { path: 'blocks[2]', message: 'block "a" is listed twice', line: 3 },
      { path: 'tests[0].columns[2]', message: 'column "id" is listed twice', line: 11 },
    ]);
  });
});

describe('validatePoolObject', () => {
  const pool = {
    pool: 'p',
    key: 'id',
    blocks: [{ name: 'customers', file: 'data/customers.csv' }],
    tests: [{ suite: 's', test: 't', find: { order: ['id'] } }],
  };

  it('normalizes a valid object and keeps block files as given without a file', () => {
    expect(validatePoolObject(pool, null)).toEqual({
      name: 'p',
      key: 'id',
      blocks: [{ name: 'customers', file: 'data/customers.csv' }],
      secrets: [],
      tests: [
        {
          suite: 's',
          test: 't',
          find: { order: [{ column: 'id', direction: 'asc' }] },
          count: 1,
          consume: false,
          readOnly: false,
        },
      ],
    });
  });

  it('resolves block files when the pool names its file', () => {
    const parsed = validatePoolObject(pool, '/repo/pools/p.yaml');
    expect(parsed.blocks[0]?.file).toBe(resolve('/repo/pools/data/customers.csv'));
  });

  it('does not hand out the caller objects', () => {
    const input = structuredClone({
      ...pool,
      tests: [{ suite: 's', test: 't', find: { where: { a: 1 } } }],
    });
    const parsed = validatePoolObject(input, null);
    expect(parsed.tests[0]?.find.where).not.toBe(input.tests[0]?.find.where);
  });

  it('reports issues by path without lines', () => {
    let caught: unknown;
    try {
      validatePoolObject({ ...pool, tests: [{ suite: 's', find: {}, count: 'two' }] }, null);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PoolValidationError);
    expect((caught as PoolValidationError).issues).toEqual([
      { path: 'tests[0]', message: 'missing required property "test"' },
      { path: 'tests[0].count', message: 'must be an integer' },
    ]);
    expect((caught as PoolValidationError).file).toBeNull();
  });
});
