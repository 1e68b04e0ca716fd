/** One step into a pool document: a property name or an array index. */
export type PathSegment = string | number;

/** A problem found in a pool, located by path segments until it is formatted. */
export interface PathIssue {
  segments: PathSegment[];
  message: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Formats segments the way a reader would write them in code:
 * `tests[3].find.where.balance`, with keys that are not identifiers quoted
 * (`make.columns["first name"]`). The root is the empty string.
 */
export function formatPath(segments: readonly PathSegment[]): string {
  return segments.map((segment, index) => formatSegment(segment, index === 0)).join('');
}

function formatSegment(segment: PathSegment, first: boolean): string {
  if (typeof segment === 'number') return `[${segment}]`;
  if (!IDENTIFIER.test(segment)) return `[${JSON.stringify(segment)}]`;
  return first ? segment : `.${segment}`;
}

/**
 * Turns a JSON Pointer (as Ajv reports instance paths) into segments, using
 * the data to tell an array index from a property that happens to be digits.
 */
export function pointerSegments(pointer: string, data: unknown): PathSegment[] {
  if (pointer === '') return [];
  const segments: PathSegment[] = [];
  let current: unknown = data;
  for (const token of pointer.slice(1).split('/')) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment = Array.isArray(current) ? Number(key) : key;
    segments.push(segment);
    current = child(current, segment);
  }
  return segments;
}

function child(value: unknown, segment: PathSegment): unknown {
  if (Array.isArray(value) && typeof segment === 'number') return value[segment];
  if (typeof value === 'object' && value !== null && Object.hasOwn(value, segment)) {
    return (value as Record<string, unknown>)[segment];
  }
  return undefined;
}

/** `.name`, `name` at the start, `[3]` or `["any key"]`. */
const SEGMENT = /^(?:\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\])/;

/**
 * Reads a path written by {@link formatPath} (or by the column checks, which
 * write paths the same way) back into segments. Stops at the first part it
 * cannot read, so a line can still be found for what came before.
 */
export function parseIssuePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let rest = path;
  while (rest !== '') {
    const match = SEGMENT.exec(rest);
    if (match === null) break;
    const [whole, name, index, quoted] = match;
    if (name !== undefined) segments.push(name);
    else if (index !== undefined) segments.push(Number(index));
    else segments.push(JSON.parse(quoted ?? '""') as string);
    rest = rest.slice(whole.length);
  }
  return segments;
}
