import { describe, expect, it } from 'vitest';
import { findPlaceholders, refKey, rewriteLine } from './placeholders.js';

const rows = new Map([
  [
    refKey({ pool: 'shop', suite: 'legacy', test: 'signs in' }),
    [{ email: 'a@x', note: 'a | b\nc' }],
  ],
  [refKey({ pool: 'shop', suite: 'legacy', test: 'locked' }), [{ id: 'C-1' }, { id: 'C-2' }]],
]);

describe('vendor placeholders', () => {
  it('reads @Data and @DataTable with quoted or bare arguments', () => {
    const found = findPlaceholders(
      `When I use @Data(poolName="shop", suiteName='legacy', test=signs in)[0]["email"] and @DataTable(poolName=shop,suiteName=legacy,test=locked)[id]`,
    );
    expect(found.map((p) => [p.kind, p.ref, p.row, p.column])).toEqual([
      ['Data', { pool: 'shop', suite: 'legacy', test: 'signs in' }, 0, 'email'],
      ['DataTable', { pool: 'shop', suite: 'legacy', test: 'locked' }, 0, 'id'],
    ]);
  });

  it('replaces step text, and expands a table row per allocated row with escaped cells', () => {
    expect(
      rewriteLine(
        '  When I sign in as "@Data(poolName="shop", suiteName="legacy", test="signs in")[0][email]"',
        rows,
      ),
    ).toEqual(['  When I sign in as "a@x"']);
    expect(
      rewriteLine(
        '  | @DataTable(poolName=shop, suiteName=legacy, test=locked)[id] | @Data(poolName=shop, suiteName=legacy, test=signs in)[0][note] |',
        rows,
      ),
    ).toEqual(['  | C-1 | a \\| b\\nc |', '  | C-2 | a \\| b\\nc |']);
  });

  it('names what is wrong', () => {
    expect(() => findPlaceholders('@Data(poolName=shop, suiteName=s)[0][email]')).toThrow(
      'test is missing',
    );
    expect(() => findPlaceholders('@Data(poolName=shop, suiteName=s, test=t)[email]')).toThrow(
      '@Data needs a row and a column',
    );
    expect(() => findPlaceholders('@Data(pool=shop, suite=s, tst=t)[0][email]')).toThrow(
      'unknown argument "tst"',
    );
    expect(() =>
      rewriteLine('@Data(poolName=shop, suiteName=legacy, test=signs in)[0][phone]', rows),
    ).toThrow(
      'pool "shop", suite "legacy", test "signs in" has no column "phone"; its columns are email, note',
    );
    expect(() =>
      rewriteLine('@Data(poolName=shop, suiteName=legacy, test=locked)[5][id]', rows),
    ).toThrow('has 2 row(s); there is no row 5');
  });
});
