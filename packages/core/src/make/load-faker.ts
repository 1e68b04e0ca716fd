import { createRequire } from 'node:module';
import type * as FakerModule from '@faker-js/faker';
import type { Faker } from '@faker-js/faker';

// faker's main entry builds every locale it ships (about half a second of CPU
// on each start); its English entry a fifth of that. Both are required on first
// use, synchronously (faker ships CommonJS too), so a command that makes no
// row loads neither.
const require = createRequire(import.meta.url);

let english: Faker | undefined;
let whole: typeof FakerModule | undefined;

/**
 * `@faker-js/faker`'s shared English instance (`en` over `base`), the one its
 * main entry exports as `faker`, loaded on first call from the English entry.
 */
export function englishFaker(): Faker {
  english ??= (require('@faker-js/faker/locale/en') as { faker: Faker }).faker;
  return english;
}

/**
 * A new English faker of its own (`en` over `base`), to seed without moving
 * another's seed. Built from the English entry's class and its merged
 * definitions, so the main entry and its other locales stay unloaded.
 *
 * @param seed - the initial seed, when given
 */
export function newEnglishFaker(seed?: number): Faker {
  const shared = englishFaker();
  const FakerClass = shared.constructor as typeof Faker;
  return new FakerClass({ locale: shared.rawDefinitions, ...(seed === undefined ? {} : { seed }) });
}

/** `@faker-js/faker`'s main entry with every locale, loaded on first call. */
export function fakerModule(): typeof FakerModule {
  whole ??= require('@faker-js/faker') as typeof FakerModule;
  return whole;
}
