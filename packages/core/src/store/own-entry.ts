/**
 * Reads and writes of the document's name-keyed maps. Names come from users
 * (pool, block and user names in URLs), and a plain object answers
 * `toString` or `__proto__` from its prototype: reads see own entries only,
 * and writes define an own entry rather than calling the `__proto__` setter.
 */
export function ownEntry<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/** Sets `map[key]` as an own, enumerable entry whatever the key. */
export function setOwnEntry<T>(map: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
}
