const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The path of a key inside the value at `path`, as error messages show it:
 * `tests[3].find.where` + `balance` → `tests[3].find.where.balance`, and
 * `["first name"]` for keys that are not identifiers.
 */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (!IDENTIFIER.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}
