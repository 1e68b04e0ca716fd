/** The 834's relationship codes (INS02) for the words a block may hold. */
export const RELATIONSHIP_CODES: Readonly<Record<string, string>> = {
  self: '18',
  spouse: '01',
  child: '19',
};

/** The 834's gender codes (DMG03) for the words a block may hold. */
export const GENDER_CODES: Readonly<Record<string, string>> = {
  male: 'M',
  female: 'F',
  unknown: 'U',
};

/**
 * A member's coded value: the code of a word the table knows (any case),
 * else the value upper-cased, so a block that already holds codes keeps
 * them. Shared by the enrollment formats so `female` is `F` in both.
 */
export function memberCode(value: string, words: Readonly<Record<string, string>>): string {
  return words[value.toLowerCase()] ?? value.toUpperCase();
}
