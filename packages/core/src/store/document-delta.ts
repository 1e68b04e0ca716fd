import type { StoreDocument, WorkspaceDocument } from './store-document.js';

/**
 * One change between two versions of a store document: set a value at a
 * path, delete the key at a path, or append items to the array at a path.
 * Applying the changes of every save in order, onto the snapshot they
 * follow, rebuilds the document.
 */
export type DeltaOp =
  ['set', string[], unknown] | ['del', string[]] | ['push', string[], unknown[]];

/** Fields of the document that are maps of records, diffed key by key. */
const DOCUMENT_MAPS = new Set(['tenants', 'apiKeys', 'quotas']);
/** Fields of a workspace that are maps of records. */
const WORKSPACE_MAPS = new Set([
  'pools',
  'blocks',
  'jobs',
  'jobStates',
  'results',
  'consumed',
  'users',
  'catalogue',
  'projects',
  'notifications',
  'madeRows',
  'datasets',
  'variables',
]);
/** Fields of a workspace that only grow at their end. */
const WORKSPACE_LOGS = new Set(['audit']);

type Dictionary = Record<string, unknown>;

/**
 * The changes from `before` to `after`. Records are immutable in a document
 * store (a change replaces the record), so an unchanged record is the same
 * object in both and is compared by identity: the diff of a commit costs a
 * pass over the keys, not a deep comparison.
 */
export function diffDocuments(before: StoreDocument, after: StoreDocument): DeltaOp[] {
  const ops: DeltaOp[] = [];
  const a = before as unknown as Dictionary;
  const b = after as unknown as Dictionary;
  for (const key of keysOf(a, b)) {
    if (a[key] === b[key]) continue;
    if (key === 'workspaces') diffWorkspaces(ops, before.workspaces, after.workspaces);
    else if (DOCUMENT_MAPS.has(key)) diffMap(ops, [key], a[key], b[key]);
    else setOrDelete(ops, [key], b, key);
  }
  return ops;
}

/** Applies changes to a document in place; throws on anything that is not a list of changes. */
export function applyDelta(document: StoreDocument, ops: readonly DeltaOp[]): void {
  if (!Array.isArray(ops)) throw new Error('expected a list of changes');
  for (const op of ops) {
    if (!isOp(op)) throw new Error(`not a change: ${JSON.stringify(op).slice(0, 80)}`);
    const path = op[1];
    const parent = walk(document as unknown as Dictionary, path.slice(0, -1));
    const last = path[path.length - 1] as string;
    if (op[0] === 'set') parent[last] = op[2];
    else if (op[0] === 'del') delete parent[last];
    else {
      const target = parent[last];
      if (!Array.isArray(target)) throw new Error(`no array at ${path.join('.')}`);
      target.push(...op[2]);
    }
  }
}

function diffWorkspaces(
  ops: DeltaOp[],
  before: Record<string, WorkspaceDocument>,
  after: Record<string, WorkspaceDocument>,
): void {
  for (const id of keysOf(before, after)) {
    const a = before[id] as unknown as Dictionary | undefined;
    const b = after[id] as unknown as Dictionary | undefined;
    if (a === b) continue;
    if (a === undefined || b === undefined) {
      setOrDelete(ops, ['workspaces', id], after, id);
      continue;
    }
    for (const field of keysOf(a, b)) {
      const path = ['workspaces', id, field];
      if (a[field] === b[field]) continue;
      if (WORKSPACE_MAPS.has(field)) diffMap(ops, path, a[field], b[field]);
      else if (WORKSPACE_LOGS.has(field)) diffLog(ops, path, a[field], b[field]);
      else setOrDelete(ops, path, b, field);
    }
  }
}

function diffMap(ops: DeltaOp[], path: string[], before: unknown, after: unknown): void {
  if (!isDictionary(before) || !isDictionary(after)) {
    ops.push(after === undefined ? ['del', path] : ['set', path, after]);
    return;
  }
  for (const key of Object.keys(after)) {
    if (before[key] !== after[key]) ops.push(['set', [...path, key], after[key]]);
  }
  for (const key of Object.keys(before)) {
    if (!Object.hasOwn(after, key)) ops.push(['del', [...path, key]]);
  }
}

/** An append-only array: the new tail when `before` is a prefix of `after`, else the whole array. */
function diffLog(ops: DeltaOp[], path: string[], before: unknown, after: unknown): void {
  if (
    Array.isArray(before) &&
    Array.isArray(after) &&
    after.length >= before.length &&
    (before.length === 0 || before[before.length - 1] === after[before.length - 1])
  ) {
    ops.push(['push', path, after.slice(before.length)]);
  } else {
    ops.push(after === undefined ? ['del', path] : ['set', path, after]);
  }
}

function setOrDelete(ops: DeltaOp[], path: string[], container: object, key: string): void {
  if (Object.hasOwn(container, key)) ops.push(['set', path, (container as Dictionary)[key]]);
  else ops.push(['del', path]);
}

function walk(root: Dictionary, path: readonly string[]): Dictionary {
  let node = root;
  for (const key of path) {
    const next = node[key];
    if (!isDictionary(next)) {
      const created: Dictionary = {};
      node[key] = created;
      node = created;
    } else {
      node = next;
    }
  }
  return node;
}

function isOp(value: unknown): value is DeltaOp {
  if (!Array.isArray(value) || !Array.isArray(value[1]) || value[1].length === 0) return false;
  if (!(value[1] as unknown[]).every((key) => typeof key === 'string')) return false;
  if (value[0] === 'set') return value.length === 3;
  if (value[0] === 'del') return value.length === 2;
  return value[0] === 'push' && Array.isArray(value[2]);
}

function keysOf(a: object, b: object): Set<string> {
  return new Set([...Object.keys(a), ...Object.keys(b)]);
}

function isDictionary(value: unknown): value is Dictionary {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
