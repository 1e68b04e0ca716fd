import type { FieldNode, StringFormat } from './field-tree.js';
import type { RandomSource } from './random-source.js';
import { CITIES, COUNTRIES, DOMAINS, FIRST_NAMES, LAST_NAMES, WORDS } from './word-lists.js';

/** Makes one string for a row index. */
export type TextGenerator = (random: RandomSource, index: number) => string;

const HEX = '0123456789abcdef';

/**
 * Generators for the string formats. With `unique`, emails and uuids carry
 * the row index, so they are unique by construction and no set of seen values
 * is kept: memory stays constant however many rows are made.
 */
export function formatGenerator(format: StringFormat, unique: boolean): TextGenerator | null {
  switch (format) {
    case 'email':
      return (random, index) => {
        const local = `${random.pick(FIRST_NAMES)}.${random.pick(LAST_NAMES)}`.toLowerCase();
        const tag = unique ? `.${index.toString(36)}` : String(random.int(1, 99));
        return `${local}${tag}@${random.pick(DOMAINS)}`;
      };
    case 'uuid':
      return (random, index) => uuid(random, unique ? index : null);
    case 'uri':
      return (random) =>
        `https://www.${random.pick(DOMAINS)}/${random.pick(WORDS)}/${random.int(1, 9999)}`;
    case 'hostname':
      return (random) => `${random.pick(WORDS)}-${random.int(1, 999)}.${random.pick(DOMAINS)}`;
    case 'ipv4':
      return (random) =>
        `${random.int(1, 223)}.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`;
    case 'ipv6':
      return (random) =>
        Array.from({ length: 8 }, () => random.int(0, 0xffff).toString(16)).join(':');
    default:
      return null;
  }
}

/** A version-4-shaped uuid; with an index, its last 12 digits are the index, so uuids never repeat. */
function uuid(random: RandomSource, index: number | null): string {
  const a = hex8(random.next());
  const b = hex8(random.next());
  const c = hex8(random.next());
  const tail =
    index === null
      ? hex8(random.next()).slice(4) + hex8(random.next())
      : index.toString(16).padStart(12, '0');
  const variant = HEX[8 + (random.next() & 3)]!;
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${tail}`;
}

/** Two hex digits per byte value, so a 32-bit draw becomes text in four lookups. */
const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex8(value: number): string {
  return (
    BYTE_HEX[value >>> 24]! +
    BYTE_HEX[(value >>> 16) & 255]! +
    BYTE_HEX[(value >>> 8) & 255]! +
    BYTE_HEX[value & 255]!
  );
}

/**
 * Text for a plain string field: names, cities, countries or phone numbers
 * when the field's name says so, else words cut to a length within the
 * field's bounds. Names are matched on the field's own name only.
 */
export function textGenerator(node: FieldNode): TextGenerator {
  const min = node.minLength ?? 0;
  const max = node.maxLength ?? Math.max(min, 24);
  const semantic = semanticGenerator(node.name);
  const words = wordsGenerator(min, max);
  if (semantic === null) return words;
  return (random, index) => {
    const text = semantic(random, index);
    const length = text.length;
    return length >= min && length <= max ? text : words(random, index);
  };
}

function semanticGenerator(name: string): TextGenerator | null {
  const key = name.toLowerCase().replace(/[^a-z]/g, '');
  if (/^(firstname|givenname|forename)$/.test(key)) return (r) => r.pick(FIRST_NAMES);
  if (/^(lastname|surname|familyname)$/.test(key)) return (r) => r.pick(LAST_NAMES);
  if (/^(name|fullname|customername|holdername)$/.test(key)) {
    return (r) => `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
  }
  if (/city$/.test(key)) return (r) => r.pick(CITIES);
  if (/^(country|countrycode)$/.test(key)) return (r) => r.pick(COUNTRIES);
  if (/(phone|mobile)/.test(key)) {
    return (r) => `+1-555-${String(r.int(100, 999))}-${String(r.int(1000, 9999))}`;
  }
  if (/(street|address(line)?1?)$/.test(key)) {
    return (r) => `${r.int(1, 999)} ${capitalise(r.pick(WORDS))} Street`;
  }
  return null;
}

function wordsGenerator(min: number, max: number): TextGenerator {
  const upper = Math.min(max, Math.max(min, 6) + 18);
  return (random) => {
    const length = random.int(min, upper);
    let text: string = random.pick(WORDS);
    while (text.length < length) text += ` ${random.pick(WORDS)}`;
    text = text.slice(0, length);
    // A cut may end on the space between words; spaces at the ends read badly and XSD collapses them.
    return text.endsWith(' ') ? `${text.slice(0, -1)}s` : text;
  };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
