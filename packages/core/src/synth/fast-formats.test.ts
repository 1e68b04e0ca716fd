import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FAST_FORMATS } from './fast-formats.js';
import { readSchema } from './read-schema.js';
import { RandomSource } from './random-source.js';
import { createRecordValidator } from './record-validator.js';

const require = createRequire(import.meta.url);
const { fullFormats } = require('ajv-formats/dist/formats.js') as {
  fullFormats: Record<string, RegExp | { validate: (text: string) => boolean }>;
};
const full = (name: string, text: string): boolean => {
  const format = fullFormats[name]!;
  return format instanceof RegExp ? format.test(text) : format.validate(text);
};

const SEEDS: Record<string, string[]> = {
  date: ['2024-02-29', '2023-02-28', '1999-12-31', '2000-01-01', '2023-02-29', '2100-02-29'],
  'date-time': ['2024-02-29T23:59:59Z', '2023-06-30T00:00:00Z', '2023-06-31T12:00:00Z'],
  time: ['00:00:00Z', '23:59:59Z', '12:34:56Z', '24:00:00Z'],
  uuid: ['0f8b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d', 'ffffffff-ffff-4fff-bfff-ffffffffffff'],
};
const ALPHABET = '0123456789abcdefABCDEFTZtz-:. 60931';

describe('fast format checks', () => {
  it('accept nothing ajv-formats rejects, over every one-character change of their shapes', () => {
    const random = new RandomSource('fast-formats');
    for (const [name, seeds] of Object.entries(SEEDS)) {
      const accept = FAST_FORMATS[name]!;
      let accepted = 0;
      for (const seed of seeds) {
        const variants = [seed, seed.slice(1), `${seed}0`, seed.toUpperCase()];
        for (let at = 0; at < seed.length; at++)
          for (const c of ALPHABET) variants.push(seed.slice(0, at) + c + seed.slice(at + 1));
        for (let i = 0; i < 2000; i++) {
          let text = seed;
          for (let k = 0; k < 3; k++) {
            const at = random.int(0, text.length - 1);
            text = text.slice(0, at) + random.pick([...ALPHABET]) + text.slice(at + 1);
          }
          variants.push(text);
        }
        for (const text of variants) {
          if (!accept(text)) continue;
          accepted++;
          expect(full(name, text), `${name} ${text}`).toBe(true);
        }
      }
      // The checks do accept: the shapes generators write take the quick path.
      expect(accepted).toBeGreaterThan(seeds.length);
    }
  });

  it('leave the verdict to ajv-formats for what they do not accept', () => {
    const validate = createRecordValidator(
      readSchema({
        type: 'object',
        properties: {
          d: { type: 'string', format: 'date' },
          t: { type: 'string', format: 'date-time' },
          u: { type: 'string', format: 'uuid' },
        },
      }),
    );
    // Valid, but not in the generators' shapes: ajv-formats accepts them.
    expect(validate({ d: '2024-02-29', t: '2024-02-29t10:00:00.5+02:00' })).toBeNull();
    expect(validate({ u: 'urn:uuid:0F8B1C2D-3E4F-4A5B-8C6D-7E8F9A0B1C2D' })).toBeNull();
    // Not a calendar day, not a time: rejected as ajv-formats rejects them.
    expect(validate({ d: '2023-02-29' })).toMatch(/format "date"/);
    expect(validate({ t: '2023-01-01T24:00:00Z' })).toMatch(/format "date-time"/);
  });
});
