import type { Faker } from '@faker-js/faker';

/** A faker method bound to its module, ready to call with a placeholder's arguments. */
export type FakerMethod = (...args: unknown[]) => unknown;

/** Own properties of a Faker that hold locale data, not generators. */
const DATA_PROPERTIES = new Set(['definitions', 'rawDefinitions']);

/**
 * Looks up `faker.<module>.<method>` without ever leaving the faker's own
 * modules: only own enumerable modules and own function members, so a
 * template cannot reach prototypes, `constructor` or locale data.
 *
 * @returns the method, or null when the faker has no such module or method
 */
export function resolveFakerMethod(
  faker: Faker,
  module: string,
  method: string,
): FakerMethod | null {
  if (DATA_PROPERTIES.has(module) || !isOwnEnumerable(faker, module)) return null;
  const target: unknown = (faker as unknown as Record<string, unknown>)[module];
  if (typeof target !== 'object' || target === null || !Object.hasOwn(target, method)) return null;
  const member: unknown = (target as Record<string, unknown>)[method];
  if (typeof member !== 'function') return null;
  return (...args: unknown[]) => (member as FakerMethod).apply(target, args);
}

function isOwnEnumerable(value: object, key: string): boolean {
  return Object.prototype.propertyIsEnumerable.call(value, key);
}
