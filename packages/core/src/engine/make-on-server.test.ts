import { describe, expect, it } from 'vitest';
import type { SqlMake } from '../model/pool-definition.js';
import type { Resolved } from './find-classes.js';
import { makeOnServer } from './make-on-server.js';
import type { Table } from '../model/block-version.js';
import type { ResolutionDatabase, SqlStatement } from './resolution-database.js';

describe('a make on a resolution server', () => {
  it('has its connection ready before it waits for its quota, and inserts right after the grant', async () => {
    const steps: string[] = [];
    const server: ResolutionDatabase = {
      name: 'app',
      query: () => Promise.reject(new Error('no finds here')),
      ready: () => {
        steps.push('ready');
        return Promise.resolve();
      },
      insert: (statement: SqlStatement): Promise<Table> => {
        steps.push('insert');
        return Promise.resolve({
          columns: ['id', 'email'],
          rows: [[steps.length, String(statement.params['email'])]],
        });
      },
    };
    const make: SqlMake = {
      insert: 'INSERT INTO users (email) VALUES (:email) RETURNING id, email',
      params: { email: 'u-{{run.namespace}}-{{string.alphanumeric(8)}}@example.test' },
    } as SqlMake;
    const item = {
      ref: { pool: 'p', suite: 's', test: 't' },
      test: { count: 2, find: { query: { sql: 'SELECT 1', params: {}, key: 'id' } } },
    } as unknown as Resolved;
    const made = await makeOnServer(
      {
        server,
        jobId: '1',
        namespace: 'n',
        seed: 'seed',
        hooks: {
          permit: () => {
            steps.push('permit');
            return Promise.resolve(() => void steps.push('end'));
          },
          made: () => Promise.resolve(),
        },
      },
      item,
      make,
    );
    expect(made.values).toHaveLength(2);
    expect(steps).toEqual(['ready', 'permit', 'insert', 'end', 'ready', 'permit', 'insert', 'end']);
  });
});
