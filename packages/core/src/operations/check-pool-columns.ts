import { AllotError, type Issue } from '../errors.js';
import { compareRows } from '../find/compare-rows.js';
import { childPath } from '../find/child-path.js';
import { compileWhere } from '../find/compile-where.js';
import { isSqlMake, type PoolDefinition } from '../model/pool-definition.js';
import type { BlockStore } from '../store/store.js';

/**
 * Checks a pool's finds, makes and column lists against the columns of the
 * blocks they name, so a typo fails before the job with the path of the test
 * in the pool file (the job itself would fail only the tests concerned).
 */
export async function checkPoolColumns(
  store: BlockStore,
  workspace: string,
  pool: PoolDefinition,
): Promise<Issue[]> {
  const issues: Issue[] = [];
  const columnsOf = new Map<string, string[] | undefined>();
  const columns = async (from: string) => {
    if (!columnsOf.has(from)) {
      const [name = '', version] = from.split('@');
      // The versions' metadata names the columns: the rows stay unread.
      const versions = await store.listBlockVersions(workspace, name);
      const meta =
        version === undefined ? versions.at(-1) : versions.find((v) => v.version === version);
      columnsOf.set(from, meta?.columns);
    }
    return columnsOf.get(from);
  };
  for (const [index, test] of pool.tests.entries()) {
    const path = `tests[${index}]`;
    // A query's columns are known only when it runs, on its server.
    if (test.find.query !== undefined) continue;
    const from = test.find.from ?? pool.blocks[0]?.name ?? '';
    const known = await columns(from);
    if (known === undefined) continue; // a missing block is reported by the job, with how to import it
    collect(issues, () => compileWhere(test.find.where, known, `${path}.find.where`));
    collect(issues, () => compareRows(test.find.order, known, `${path}.find.order`));
    for (const [i, column] of (test.columns ?? []).entries()) {
      if (!known.includes(column)) issues.push(unknown(`${path}.columns[${i}]`, column, known));
    }
    const make = test.make === undefined || isSqlMake(test.make) ? undefined : test.make;
    const made =
      make === undefined ? undefined : await columns(make.block ?? from.split('@')[0] ?? '');
    for (const column of Object.keys(make?.columns ?? {})) {
      if (made !== undefined && !made.includes(column))
        issues.push(unknown(childPath(`${path}.make.columns`, column), column, made));
    }
  }
  return issues;
}

function collect(issues: Issue[], check: () => unknown): void {
  try {
    check();
  } catch (error) {
    if (!(error instanceof AllotError)) throw error;
    const path = typeof error.details['path'] === 'string' ? error.details['path'] : '';
    issues.push({
      path,
      message: error.message.startsWith(`${path}: `)
        ? error.message.slice(path.length + 2)
        : error.message,
    });
  }
}

function unknown(path: string, column: string, columns: string[]): Issue {
  return {
    path,
    message: `unknown column "${column}"; the block has columns: ${columns.join(', ')}`,
  };
}
