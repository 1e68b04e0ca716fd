import type { RandomSource } from './random-source.js';
import { invalidSchema, unsupportedSchema } from './synth-errors.js';

/** Makes one string that matches a pattern. */
export type PatternGenerator = (random: RandomSource) => string;

/** Extra repetitions drawn for `*`, `+` and `{n,}`: enough variety, short values. */
const OPEN_REPEAT = 8;

const range = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));
const DIGITS = range(48, 57);
const WORD = [...range(65, 90), ...range(97, 122), ...DIGITS, '_'];
const PRINTABLE = range(32, 126);
const SPACE = [' '];
const ALNUM = [...range(65, 90), ...range(97, 122), ...DIGITS];

/**
 * Compiles a regular expression into a seeded generator of matching strings.
 * The subset (documented in the core README): literals and escapes, `.`,
 * classes with ranges and negation, `\d \w \s` and their negations, groups
 * (capturing, `(?:`, named), alternation, and the quantifiers `? * + {n}
 * {n,} {n,m}` (lazy forms too); `^` and `$` are dropped. Lookarounds, back
 * references, word boundaries, Unicode property escapes and XSD class
 * subtraction raise `UNSUPPORTED_SCHEMA`: the generator never guesses.
 * Its own code rather than a library, so the seeded output stays the same
 * across releases.
 *
 * @param at the field path, for error messages
 */
export function compilePattern(pattern: string, at: string): PatternGenerator {
  const parser = new PatternParser(Array.from(pattern), pattern, at);
  const generator = parser.alternation();
  if (!parser.done()) throw invalidSchema(`pattern /${pattern}/ has an unmatched ")"`, at);
  return generator;
}

class PatternParser {
  private index = 0;

  constructor(
    private readonly chars: string[],
    private readonly source: string,
    private readonly at: string,
  ) {}

  done(): boolean {
    return this.index >= this.chars.length;
  }

  alternation(): PatternGenerator {
    const branches = [this.sequence()];
    while (this.peek() === '|') {
      this.index++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0]!;
    return (random) => random.pick(branches)(random);
  }

  private sequence(): PatternGenerator {
    const parts: PatternGenerator[] = [];
    while (!this.done() && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom();
      if (atom !== null) parts.push(this.quantified(atom));
    }
    return (random) => {
      let text = '';
      for (const part of parts) text += part(random);
      return text;
    };
  }

  private atom(): PatternGenerator | null {
    const char = this.chars[this.index++]!;
    switch (char) {
      case '^':
      case '$':
        return null;
      case '.':
        return fromSet(ALNUM);
      case '(':
        return this.group();
      case '[':
        return fromSet(this.characterClass());
      case '\\':
        return fromSet(this.escape(false));
      case '*':
      case '+':
      case '?':
        throw invalidSchema(
          `pattern /${this.source}/ has a quantifier with nothing before it`,
          this.at,
        );
      default:
        return () => char;
    }
  }

  private group(): PatternGenerator {
    if (this.peek() === '?') {
      const next = this.chars[this.index + 1];
      if (next === ':') this.index += 2;
      else if (next === '<' && /[A-Za-z_]/.test(this.chars[this.index + 2] ?? '')) {
        const close = this.chars.indexOf('>', this.index);
        if (close === -1)
          throw invalidSchema(`pattern /${this.source}/ has an unclosed group name`, this.at);
        this.index = close + 1;
      } else throw this.unsupported('lookaround or group flags');
    }
    const inner = this.alternation();
    if (this.chars[this.index++] !== ')') {
      throw invalidSchema(`pattern /${this.source}/ has an unclosed group`, this.at);
    }
    return inner;
  }

  private quantified(atom: PatternGenerator): PatternGenerator {
    const bounds = this.quantifier();
    if (bounds === null) return atom;
    if (this.peek() === '?') this.index++;
    const [min, max] = bounds;
    return (random) => {
      let text = '';
      for (let n = random.int(min, max); n > 0; n--) text += atom(random);
      return text;
    };
  }

  private quantifier(): [number, number] | null {
    const char = this.peek();
    if (char === '?') return this.take([0, 1]);
    if (char === '*') return this.take([0, OPEN_REPEAT]);
    if (char === '+') return this.take([1, 1 + OPEN_REPEAT]);
    if (char !== '{') return null;
    const rest = this.chars.slice(this.index).join('');
    const match = /^\{(\d+)(,(\d*))?\}/.exec(rest);
    if (match === null) return null;
    this.index += Array.from(match[0]).length;
    const min = Number(match[1]);
    const max =
      match[2] === undefined ? min : match[3] === '' ? min + OPEN_REPEAT : Number(match[3]);
    if (max < min) throw invalidSchema(`pattern /${this.source}/ has {${min},${max}}`, this.at);
    return [min, max];
  }

  private take(bounds: [number, number]): [number, number] {
    this.index++;
    return bounds;
  }

  private characterClass(): string[] {
    const negated = this.peek() === '^';
    if (negated) this.index++;
    const members = new Set<string>();
    let first = true;
    for (;;) {
      if (this.done()) throw invalidSchema(`pattern /${this.source}/ has an unclosed [`, this.at);
      const char = this.chars[this.index++]!;
      if (char === ']' && !first) break;
      first = false;
      if (char === '-' && this.peek() === '[') throw this.unsupported('class subtraction');
      const from = char === '\\' ? this.escape(true) : [char];
      if (from.length === 1 && this.peek() === '-' && this.chars[this.index + 1] !== ']') {
        this.index++;
        const endChar = this.chars[this.index++]!;
        const to = endChar === '\\' ? this.escape(true) : [endChar];
        if (to.length !== 1)
          throw invalidSchema(`pattern /${this.source}/ has a bad range`, this.at);
        const low = from[0]!.codePointAt(0)!;
        const high = to[0]!.codePointAt(0)!;
        if (high < low)
          throw invalidSchema(`pattern /${this.source}/ has a range out of order`, this.at);
        for (const c of range(low, high)) members.add(c);
      } else for (const c of from) members.add(c);
    }
    if (!negated) return [...members];
    const rest = PRINTABLE.filter((c) => !members.has(c));
    if (rest.length === 0)
      throw this.unsupported('a negated class that excludes every printable character');
    return rest;
  }

  private escape(inClass: boolean): string[] {
    const char = this.chars[this.index++];
    if (char === undefined) throw invalidSchema(`pattern /${this.source}/ ends with \\`, this.at);
    switch (char) {
      case 'd':
        return DIGITS;
      case 'w':
        return WORD;
      case 's':
        return SPACE;
      case 'D':
        return PRINTABLE.filter((c) => !DIGITS.includes(c));
      case 'W':
        return PRINTABLE.filter((c) => !WORD.includes(c));
      case 'S':
        return ALNUM;
      case 't':
        return ['\t'];
      case 'n':
        return ['\n'];
      case 'r':
        return ['\r'];
      case 'x':
      case 'u':
        return [this.codePoint(char)];
      default:
        if (/[A-Za-z0-9]/.test(char) && !(inClass && char === 'b')) {
          throw this.unsupported(`escape \\${char}`);
        }
        return [inClass && char === 'b' ? '\b' : char];
    }
  }

  private codePoint(kind: 'x' | 'u'): string {
    const rest = this.chars.slice(this.index).join('');
    const match =
      kind === 'x' ? /^[0-9A-Fa-f]{2}/.exec(rest) : /^(\{[0-9A-Fa-f]+\}|[0-9A-Fa-f]{4})/.exec(rest);
    if (match === null)
      throw invalidSchema(`pattern /${this.source}/ has a bad \\${kind} escape`, this.at);
    this.index += match[0].length;
    return String.fromCodePoint(parseInt(match[0].replace(/[{}]/g, ''), 16));
  }

  private peek(): string | undefined {
    return this.chars[this.index];
  }

  private unsupported(what: string): Error {
    return unsupportedSchema(`pattern /${this.source}/ uses ${what}`, this.at);
  }
}

function fromSet(set: readonly string[]): PatternGenerator {
  if (set.length === 1) {
    const only = set[0]!;
    return () => only;
  }
  return (random) => random.pick(set);
}
