import { describe, expect, it } from 'vitest';
import { PoolValidationError } from '../errors.js';
import { parsePoolFile } from './parse-pool-file.js';

const pool = (test: string) => `pool: app
key: id
blocks: [users]
tests:
${test}`;

function issuesOf(text: string): string[] {
  try {
    parsePoolFile(text, 'app.yaml');
  } catch (error) {
    if (error instanceof PoolValidationError)
      return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  return [];
}

describe('SQL finds and insert makes in pool files', () => {
  it('needs no blocks when every find is a query', () => {
    const text = `pool: app
key: id
tests:
  - suite: db
    test: locked user
    find:
      query: { sql: "SELECT id FROM users WHERE status = :status", params: { status: locked }, key: id }
`;
    expect(parsePoolFile(text, 'app.yaml').blocks).toEqual([]);
    expect(
      issuesOf(`${text}  - suite: db
    test: any user
    find: { where: { status: active } }
`),
    ).toEqual([
      'tests[1].find: a find over data blocks needs the pool\'s "blocks": list them, or give the find a "query" on a resolution server',
    ]);
  });

  it('reads a query find with an insert make', () => {
    const parsed = parsePoolFile(
      pool(`  - suite: s
    test: t
    find:
      query: { sql: "SELECT id, email FROM users WHERE status = :status", params: { status: locked }, key: id }
    make:
      insert: "INSERT INTO users (email, status) VALUES (:email, 'locked') RETURNING *"
      params: { email: "qa+{{run.namespace}}@example.test" }
`),
      'app.yaml',
    );
    expect(parsed.tests[0]?.find.query).toEqual({
      sql: 'SELECT id, email FROM users WHERE status = :status',
      params: { status: 'locked' },
      key: 'id',
    });
    expect(parsed.tests[0]?.make).toEqual({
      insert: "INSERT INTO users (email, status) VALUES (:email, 'locked') RETURNING *",
      params: { email: 'qa+{{run.namespace}}@example.test' },
    });
  });

  it('names what is wrong with a query find or an insert make', () => {
    expect(
      issuesOf(pool(`  - { suite: s, test: a, find: { query: { sql: "SELECT 1" } } }\n`)),
    ).toEqual(['tests[0].find.query: missing required property "key"']);
    expect(
      issuesOf(
        pool(
          `  - { suite: s, test: a, find: { query: { sql: "SELECT 1", key: id } }, make: { columns: { id: 1 } } }\n`,
        ),
      ),
    ).toEqual([
      'tests[0].make: the find is a SQL query: its make must be an "insert" on the same server',
    ]);
    expect(
      issuesOf(
        pool(`  - { suite: s, test: a, find: { where: {} }, make: { insert: "INSERT 1" } }\n`),
      ),
    ).toEqual(['tests[0].make: an "insert" make needs a find with a "query"']);
    expect(
      issuesOf(
        pool(
          `  - { suite: s, test: a, find: { from: users, query: { sql: "SELECT 1", key: id } } }\n`,
        ),
      ),
    ).toEqual([
      'tests[0].find.from: a query find reads its resolution server, not a block: remove "from"',
    ]);
  });
});
