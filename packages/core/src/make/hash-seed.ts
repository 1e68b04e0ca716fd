/**
 * A 32-bit FNV-1a hash of some strings, for seeding faker. Parts are
 * separated so that ("ab", "c") and ("a", "bc") seed differently.
 */
export function hashSeed(...parts: string[]): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join('\u0000')) {
    const code = char.codePointAt(0) ?? 0;
    hash ^= code;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
