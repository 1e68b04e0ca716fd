import { playwrightTestNames } from '@allot/client';
import { describe, expect, it } from 'vitest';
import { testsOfPlaywrightReport } from './playwright-report.js';

const report = JSON.stringify({
  suites: [
    {
      title: 'cart.spec.ts',
      file: 'cart.spec.ts',
      specs: [{ title: 'is empty', file: 'cart.spec.ts', line: 3, tests: [{}, {}] }],
      suites: [
        {
          title: 'checkout',
          file: 'cart.spec.ts',
          specs: [{ title: 'pays', file: 'cart.spec.ts', line: 8, tests: [{}] }],
        },
      ],
    },
  ],
  errors: [],
});

describe('testsOfPlaywrightReport', () => {
  it('names each spec once, as the fixture names it', () => {
    expect(testsOfPlaywrightReport(`some banner\n${report}`, 'file')).toEqual([
      { pool: undefined, suite: 'cart.spec.ts', test: 'is empty', source: 'cart.spec.ts:3' },
      { pool: undefined, suite: 'cart.spec.ts', test: 'checkout > pays', source: 'cart.spec.ts:8' },
    ]);
    expect(testsOfPlaywrightReport(report, 'describe').map((t) => `${t.suite}/${t.test}`)).toEqual([
      'cart.spec.ts/is empty',
      'checkout/pays',
    ]);
  });

  it('leaves anonymous describes (suites titled "") out of the names, as testInfo.titlePath does', () => {
    const anonymous = JSON.stringify({
      suites: [
        {
          title: 'cart.spec.ts',
          file: 'cart.spec.ts',
          suites: [
            {
              title: '',
              file: 'cart.spec.ts',
              specs: [{ title: 'is empty', file: 'cart.spec.ts', line: 4, tests: [{}] }],
              suites: [
                {
                  title: 'checkout',
                  file: 'cart.spec.ts',
                  suites: [
                    {
                      title: '',
                      file: 'cart.spec.ts',
                      specs: [{ title: 'pays', file: 'cart.spec.ts', line: 9, tests: [{}] }],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
      errors: [],
    });
    const runTime = [
      ['cart.spec.ts', 'is empty'],
      ['cart.spec.ts', 'checkout', 'pays'],
    ].map((titlePath) => playwrightTestNames(titlePath));
    expect(
      testsOfPlaywrightReport(anonymous, 'file').map(({ suite, test }) => ({ suite, test })),
    ).toEqual(runTime);
    expect(
      testsOfPlaywrightReport(anonymous, 'describe').map((t) => `${t.suite}/${t.test}`),
    ).toEqual(['cart.spec.ts/is empty', 'checkout/pays']);
  });

  it("fails with Playwright's own errors, or when the output is no report", () => {
    const broken = JSON.stringify({
      suites: [],
      errors: [{ message: 'SyntaxError in a.spec.ts' }],
    });
    expect(() => testsOfPlaywrightReport(broken, 'file')).toThrow(/SyntaxError in a.spec.ts/);
    expect(() => testsOfPlaywrightReport('Listing tests:', 'file')).toThrow(/--reporter=json/);
  });
});
