import { describe, expect, it } from 'vitest';
import { isSecretColumn, maskRows } from './secret-columns.js';

describe('isSecretColumn', () => {
  const none = new Set<string>();

  it('masks password-like names without being told', () => {
    for (const column of ['password', 'new_password', 'apiKey', 'api-key', 'accessToken', 'pin']) {
      expect(isSecretColumn(column, none), column).toBe(true);
    }
  });

  it('leaves other names alone unless declared', () => {
    for (const column of ['email', 'shipping', 'spin', 'keyboard']) {
      expect(isSecretColumn(column, none), column).toBe(false);
    }
    expect(isSecretColumn('card', new Set(['card']))).toBe(true);
  });
});

describe('maskRows', () => {
  it('masks secret values, keeps nulls and leaves the input unchanged', () => {
    const rows = [{ id: 'C-1', password: 'pw', card: '4111', note: null, token: null }];
    expect(maskRows(rows, new Set(['card']))).toEqual([
      { id: 'C-1', password: '***', card: '***', note: null, token: null },
    ]);
    expect(rows[0]?.password).toBe('pw');
  });
});
