import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, LineCounter } from 'yaml';
import type { PathSegment } from './issue-path.js';

// Required when a line is looked up: by then the pool file's reader has loaded yaml.
const require = createRequire(import.meta.url);
const yaml = (): typeof Yaml => require('yaml') as typeof Yaml;

/**
 * Finds the 1-based line of the node at a path in a parsed YAML (or JSON)
 * document. A property is located by its key, which is where a reader looks
 * even when the value starts on the next line. When the path leads past what
 * the document holds (a missing property), the deepest node found is used.
 */
export function locateLine(
  document: Document,
  counter: LineCounter,
  segments: readonly PathSegment[],
): number | undefined {
  let node: unknown = document.contents;
  let offset = startOf(node);
  for (const segment of segments) {
    if (yaml().isAlias(node)) node = node.resolve(document);
    const step = childOf(node, segment);
    if (step === null) break;
    offset = startOf(step.key) ?? startOf(step.value) ?? offset;
    node = step.value;
  }
  return offset === undefined ? undefined : counter.linePos(offset).line;
}

function childOf(node: unknown, segment: PathSegment): { key?: unknown; value: unknown } | null {
  if (yaml().isSeq(node) && typeof segment === 'number') {
    return segment < node.items.length ? { value: node.items[segment] } : null;
  }
  if (!yaml().isMap(node)) return null;
  const pair = node.items.find((item) => keyText(item.key) === String(segment));
  return pair === undefined ? null : { key: pair.key, value: pair.value };
}

function keyText(key: unknown): string | undefined {
  if (yaml().isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

function startOf(node: unknown): number | undefined {
  return yaml().isNode(node) ? node.range?.[0] : undefined;
}
