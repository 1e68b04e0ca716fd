import type { Faker } from '@faker-js/faker';
import type { Value } from '../model/block-version.js';
import type { Generator } from '../model/pool-definition.js';
import { renderTemplate } from './render-template.js';
import type { TemplateContext } from './render-template.js';
import type { SequenceState } from './sequence-state.js';

/** What generators of one made row share. */
export interface GeneratorScope {
  faker: Faker;
  sequences: SequenceState;
  template: TemplateContext;
}

/**
 * Produces one cell: a constant as it is, a string containing `{{` as a
 * template, `{const}` verbatim, `{template}`, the next `{sequence}` value, or
 * a seeded pick from `{oneOf}`.
 */
export function generateValue(column: string, generator: Generator, scope: GeneratorScope): Value {
  if (generator === null || typeof generator !== 'object') {
    if (typeof generator === 'string' && generator.includes('{{')) {
      return renderTemplate(generator, scope.template, scope.faker);
    }
    return generator;
  }
  if ('const' in generator) return generator.const;
  if ('template' in generator)
    return renderTemplate(generator.template, scope.template, scope.faker);
  if ('sequence' in generator) return scope.sequences.next(column, generator.sequence);
  return scope.faker.helpers.arrayElement(generator.oneOf);
}
