/**
 * How a Playwright test maps to an allocation test's suite and test names.
 * The Playwright fixture and the GitHub Action's `discover: playwright` both
 * use it, so the names a job allocates are the names the tests look up.
 */

/** Where the suite name comes from. */
export type SuiteNaming =
  /** The test file's path relative to the test directory (`checkout/pay.spec.ts`); the default. */
  | 'file'
  /** The describe titles joined with ` > ` (the file's path for a test outside any describe). */
  | 'describe'
  /** One fixed suite name for every test. */
  | { name: string };

/** Separator of describe titles in suite and test names. */
const TITLE_SEPARATOR = ' > ';

/**
 * The suite and test names of a Playwright test, from its title path: the
 * file path relative to the test directory, the describe titles, the title
 * (`testInfo.titlePath`). With `file` or a fixed suite, the test name is the
 * describe titles and the title joined with ` > `, so two tests of one file
 * with the same title in different describes stay apart; with `describe`, it
 * is the title alone.
 */
export function playwrightTestNames(
  titlePath: readonly string[],
  naming: SuiteNaming = 'file',
): { suite: string; test: string } {
  if (titlePath.length < 2) {
    throw new Error(
      `a Playwright title path holds the file and the title, got ${JSON.stringify(titlePath)}`,
    );
  }
  const file = titlePath[0]!.replaceAll('\\', '/');
  const describes = titlePath.slice(1, -1);
  const title = titlePath[titlePath.length - 1]!;
  if (naming === 'describe') {
    return {
      suite: describes.length > 0 ? describes.join(TITLE_SEPARATOR) : file,
      test: title,
    };
  }
  const test = [...describes, title].join(TITLE_SEPARATOR);
  return { suite: naming === 'file' ? file : naming.name, test };
}
