import type { Where } from '../model/pool-definition.js';
import { isPlainObject } from './invalid-input.js';

/**
 * The column names a where mentions, each once, in the order they first
 * appear (through `and`, `or` and `not` too). Malformed parts are skipped:
 * {@link compileWhere} reports those.
 */
export function whereColumns(where: Where | undefined): string[] {
  const columns = new Set<string>();
  collect(where, columns);
  return [...columns];
}

function collect(where: unknown, columns: Set<string>): void {
  if (!isPlainObject(where)) return;
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    if (key === 'and' || key === 'or') {
      if (Array.isArray(value)) for (const item of value) collect(item, columns);
    } else if (key === 'not') {
      collect(value, columns);
    } else {
      columns.add(key);
    }
  }
}
