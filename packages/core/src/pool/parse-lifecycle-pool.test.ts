import { describe, expect, it } from 'vitest';
import { PoolValidationError, type Issue } from '../errors.js';
import { parsePoolFile } from './parse-pool-file.js';

const FILE = '/repo/pools/users.yaml';

function issuesOf(text: string): Issue[] {
  try {
    parsePoolFile(text, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(PoolValidationError);
    return (error as PoolValidationError).issues;
  }
  throw new Error('expected the pool to be invalid');
}

const lines = (...rows: string[]) => rows.join('\n') + '\n';

describe('teardown, quota and top-up in a pool file', () => {
  it('reads them into the definition', () => {
    const pool = parsePoolFile(
      lines(
        'pool: users',
        'key: id',
        'tests:',
        '  - suite: signup',
        '    test: new user',
        '    find: { query: { sql: "SELECT * FROM users WHERE status = \'new\'", key: id } }',
        '    make:',
        '      insert: "INSERT INTO users (email) VALUES (:email) RETURNING *"',
        '      params: { email: "u{{run.namespace}}@example.test" }',
        '      teardown: { sql: "DELETE FROM users WHERE id = :id" }',
        '      quota: { makes: 5, perSeconds: 1, concurrency: 2, waitSeconds: 30 }',
        '    topUp: { low: 2, high: 6, server: app }',
        '  - suite: signup',
        '    test: kept user',
        '    find: { query: { sql: "SELECT * FROM users", key: id } }',
        '    make:',
        '      insert: "INSERT INTO users (email) VALUES (\'k@example.test\') RETURNING *"',
        '      teardown:',
        '        http: { method: DELETE, url: "https://app.test/users/{{row.id}}", headers: { Authorization: APP_TOKEN } }',
        '      keep: true',
      ),
      FILE,
    );
    const [first, second] = pool.tests;
    expect(first?.make).toMatchObject({
      teardown: { sql: 'DELETE FROM users WHERE id = :id' },
      quota: { makes: 5, perSeconds: 1, concurrency: 2, waitSeconds: 30 },
    });
    expect(first?.topUp).toEqual({ low: 2, high: 6, server: 'app' });
    expect(second?.make).toMatchObject({
      keep: true,
      teardown: {
        http: {
          method: 'DELETE',
          url: 'https://app.test/users/{{row.id}}',
          headers: { Authorization: 'APP_TOKEN' },
        },
      },
    });
  });

  it('locates each broken rule at its line', () => {
    const issues = issuesOf(
      lines(
        'pool: users', // 1
        'key: id',
        'blocks: [customers]',
        'tests:',
        '  - suite: s', // 5
        '    test: block make with a SQL teardown',
        '    make:',
        '      columns: { id: { sequence: {} } }',
        '      teardown:',
        '        sql: DELETE FROM customers', // 10
        '    find: {}',
        '    topUp: { low: 5, high: 2 }', // 12
        '  - suite: s',
        '    test: top-up without a make',
        '    find: {}', // 15
        '    topUp: { low: 1, high: 2 }',
      ),
    );
    expect(issues).toEqual([
      expect.objectContaining({ path: 'tests[0].make.teardown.sql', line: 10 }),
      expect.objectContaining({ path: 'tests[0].topUp.high', line: 12 }),
      expect.objectContaining({ path: 'tests[1].topUp', line: 16 }),
    ]);
  });

  it('locates schema errors of quotas and teardowns at their lines', () => {
    const issues = issuesOf(
      lines(
        'pool: users', // 1
        'key: id',
        'blocks: [customers]',
        'tests:',
        '  - suite: s', // 5
        '    test: bad quota and method',
        '    find: {}',
        '    make:',
        '      columns: { id: { sequence: {} } }',
        '      quota: { makes: 0 }', // 10
        '      teardown: { http: { method: FETCH, url: "https://x.test" } }', // 11
      ),
    );
    const at = (path: string) => issues.find((issue) => issue.path.startsWith(path));
    expect(at('tests[0].make.quota.makes')).toMatchObject({ line: 10 });
    expect(at('tests[0].make.teardown')?.line).toBe(11);
  });
});
