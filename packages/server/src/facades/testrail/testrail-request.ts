import { badField, TestRailError } from './testrail-error.js';

/** A TestRail API call as its URL carries it: `index.php?/api/v2/<method>/<id>&<param>=<value>…`. */
export interface TestRailCall {
  /** `get_dataset`, `add_dataset` … */
  method: string;
  /** The path's id as written, or undefined when the path has none. */
  id: string | undefined;
  /** The parameters after the route, decoded. */
  params: Map<string, string>;
}

const ROUTE = /^\/api\/v2\/([a-z_]+)(?:\/([^/]*))?\/?$/;

/**
 * The call named by a request's query string. TestRail puts its route
 * there (`?/api/v2/get_datasets/2&limit=10`), so a query-string parser's
 * key/value map would lose it: the string is read as written, route first.
 *
 * @throws TestRailError 400 when the query string names no API v2 route
 */
export function parseTestRailCall(url: string): TestRailCall {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  const [route = '', ...rest] = query.split('&');
  const match = ROUTE.exec(safeDecode(route));
  if (match === null)
    throw new TestRailError(
      400,
      `Unknown or missing API route "${safeDecode(route)}": expected index.php?/api/v2/<method>/<id>`,
    );
  const params = new Map<string, string>();
  for (const part of rest) {
    if (part === '') continue;
    const cut = part.indexOf('=');
    const key = safeDecode(cut < 0 ? part : part.slice(0, cut));
    params.set(key, cut < 0 ? '' : safeDecode(part.slice(cut + 1)));
  }
  return { method: match[1] as string, id: match[2] === '' ? undefined : match[2], params };
}

/**
 * A positive integer id of the path, as TestRail checks it.
 *
 * @throws TestRailError 400 `Field :<field> is a required field.` or `is not a valid ID.`
 */
export function idOf(call: TestRailCall, field: string): number {
  if (call.id === undefined) throw badField(field, 'is a required field.');
  if (!/^[1-9][0-9]{0,15}$/.test(call.id) || !Number.isSafeInteger(Number(call.id)))
    throw badField(field, 'is not a valid ID.');
  return Number(call.id);
}

/** The maximum and default page size of TestRail's bulk GET endpoints. */
export const MAX_LIMIT = 250;

/**
 * `offset` and `limit` of a bulk GET, checked: offset ≥ 0, limit 1 to 250 (250 when omitted).
 *
 * @throws TestRailError 400 naming the parameter
 */
export function pageOf(call: TestRailCall): { offset: number; limit: number } {
  const read = (name: string, fallback: number, min: number, max: number) => {
    const raw = call.params.get(name);
    if (raw === undefined) return fallback;
    if (!/^[0-9]{1,9}$/.test(raw) || Number(raw) < min || Number(raw) > max)
      throw badField(name, `must be an integer from ${min} to ${max}.`);
    return Number(raw);
  };
  return {
    offset: read('offset', 0, 0, 999_999_999),
    limit: read('limit', MAX_LIMIT, 1, MAX_LIMIT),
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
