import { PoolValidationError } from '../errors.js';
import type { Issue } from '../errors.js';
import type { PoolDefinition } from '../model/pool-definition.js';
import { checkPoolRules } from './check-pool-rules.js';
import { checkPoolSchema } from './check-pool-schema.js';
import { formatPath } from './issue-path.js';
import type { PathIssue, PathSegment } from './issue-path.js';
import { normalizePool } from './normalize-pool.js';
import type { RawPool } from './raw-pool.js';

/** Finds the source line of a path, when the pool came from a file. */
export type LineLocator = (segments: readonly PathSegment[]) => number | undefined;

/**
 * Validates a parsed pool document (schema first, then the rules between its
 * parts) and normalizes it.
 *
 * @throws PoolValidationError with every issue found, in source order when
 *   lines are known
 */
export function validatePool(
  value: unknown,
  file: string | null,
  locate?: LineLocator,
): PoolDefinition {
  const schemaProblems = checkPoolSchema(value);
  // The rules read the document's structure, so they only run on a document the schema accepts.
  if (schemaProblems.length > 0) throw invalidPool(file, schemaProblems, locate);
  const pool = value as RawPool;
  const ruleProblems = checkPoolRules(pool);
  if (ruleProblems.length > 0) throw invalidPool(file, ruleProblems, locate);
  return normalizePool(pool, file);
}

function invalidPool(file: string | null, problems: PathIssue[], locate?: LineLocator) {
  const issues = problems.map((problem): Issue => {
    const issue: Issue = { path: formatPath(problem.segments), message: problem.message };
    const line = locate?.(problem.segments);
    if (line !== undefined) issue.line = line;
    return issue;
  });
  // A stable sort: issues without lines keep their order.
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return new PoolValidationError(file, issues);
}
