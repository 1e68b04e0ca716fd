import type { Find } from '../model/pool-definition.js';

/**
 * A canonical string for a find: JSON with object keys sorted at every depth
 * (arrays keep their order, which matters for `order` and reads naturally
 * for `in`). Finds that differ only in key order get the same key, so their
 * candidates are gathered once.
 */
export function findKey(find: Find): string {
  return JSON.stringify(find, sortKeys);
}

function sortKeys(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const source = value as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort()) sorted[key] = source[key];
  return sorted;
}
