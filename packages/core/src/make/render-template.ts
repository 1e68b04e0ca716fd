import type { Faker } from '@faker-js/faker';
import { AllotError } from '../errors.js';
import { parseTemplate } from './parse-template.js';
import type { Placeholder } from './parse-template.js';
import { englishFaker, newEnglishFaker } from './load-faker.js';
import { resolveFakerMethod } from './resolve-faker-method.js';

/** What a template can say about the row being made. */
export interface TemplateContext {
  jobId: string;
  /** The run's namespace, so that values made by different runs do not collide. */
  namespace: string;
  pool: string;
  suite: string;
  test: string;
  /** The row's 0-based position among the rows one make creates. */
  index: number;
}

const CONTEXT_VALUES = new Map<string, (context: TemplateContext) => string>([
  ['job.id', (context) => context.jobId],
  ['run.namespace', (context) => context.namespace],
  ['pool.name', (context) => context.pool],
  ['suite.name', (context) => context.suite],
  ['test.name', (context) => context.test],
  ['row.index', (context) => String(context.index)],
]);

const EXPECTED = `expected one of ${[...CONTEXT_VALUES.keys()].join(', ')} or a faker method such as person.fullName or string.alphanumeric(6)`;

/**
 * Replaces every `{{…}}` of a template: the context placeholders
 * (`{{run.namespace}}`, `{{job.id}}`, `{{pool.name}}`, `{{suite.name}}`,
 * `{{test.name}}`, `{{row.index}}`) and faker calls (`{{person.fullName}}`,
 * `{{number.int({"min":1,"max":9})}}`, arguments as JSON).
 *
 * @param faker - the (seeded) instance whose methods are called
 * @throws AllotError `INVALID_INPUT` for a malformed template, an unknown
 *   placeholder, or a faker call that fails
 */
export function renderTemplate(template: string, context: TemplateContext, faker: Faker): string {
  return parseTemplate(template)
    .map((part) => (typeof part === 'string' ? part : renderPlaceholder(part, context, faker)))
    .join('');
}

function renderPlaceholder(placeholder: Placeholder, context: TemplateContext, faker: Faker) {
  const contextValue = CONTEXT_VALUES.get(placeholder.name);
  if (contextValue !== undefined) {
    if (placeholder.args !== null) throw takesNoArguments(placeholder);
    return contextValue(context);
  }
  return callFaker(placeholder, faker);
}

function callFaker(placeholder: Placeholder, faker: Faker): string {
  const method = resolveFakerMethod(faker, placeholder.module, placeholder.method);
  if (method === null) throw unknownPlaceholder(placeholder);
  try {
    return stringify(method(...(placeholder.args ?? [])));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AllotError(
      'INVALID_INPUT',
      `faker call ${placeholder.source} failed: ${reason}`,
      {
        placeholder: placeholder.source,
      },
      { cause: error },
    );
  }
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as number | boolean | bigint);
}

function unknownPlaceholder(placeholder: Placeholder): AllotError {
  return new AllotError('INVALID_INPUT', `unknown placeholder ${placeholder.source}; ${EXPECTED}`, {
    placeholder: placeholder.source,
  });
}

function takesNoArguments(placeholder: Placeholder): AllotError {
  return new AllotError('INVALID_INPUT', `placeholder ${placeholder.source} takes no arguments`, {
    placeholder: placeholder.source,
  });
}

/** A private instance for trial calls, so checking a pool never moves the shared faker's seed. */
let trialFaker: Faker | undefined;

/**
 * Checks a template when a pool is loaded, long before any row is made: its
 * syntax, that every placeholder is a context value or a method of
 * `@faker-js/faker`'s `faker`, and that faker accepts the arguments.
 *
 * @returns what is wrong, or null when the template can be rendered
 */
export function checkTemplate(template: string): string | null {
  try {
    for (const part of parseTemplate(template)) {
      if (typeof part !== 'string') checkPlaceholder(part);
    }
    return null;
  } catch (error) {
    if (error instanceof AllotError) return error.message;
    throw error;
  }
}

function checkPlaceholder(placeholder: Placeholder): void {
  if (CONTEXT_VALUES.has(placeholder.name)) {
    if (placeholder.args !== null) throw takesNoArguments(placeholder);
    return;
  }
  if (resolveFakerMethod(englishFaker(), placeholder.module, placeholder.method) === null) {
    throw unknownPlaceholder(placeholder);
  }
  trialFaker ??= newEnglishFaker(0);
  callFaker(placeholder, trialFaker);
}
