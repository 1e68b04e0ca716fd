import type { Issue } from '../errors.js';

/**
 * Gives issues found after parsing (a column a block lacks) the line of
 * their path in the pool file, and puts them in file order; issues of the
 * same line keep theirs.
 */
export function withLines(issues: readonly Issue[], lineOf: (path: string) => number): Issue[] {
  return issues
    .map((issue) => (issue.line === undefined ? { ...issue, line: lineOf(issue.path) } : issue))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
