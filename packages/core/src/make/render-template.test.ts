import { Faker, base, en } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { AllotError } from '../errors.js';
import { checkTemplate, renderTemplate } from './render-template.js';
import type { TemplateContext } from './render-template.js';

const context: TemplateContext = {
  jobId: '41',
  namespace: 'run-7',
  pool: 'shop',
  suite: 'checkout',
  test: 'pays',
  index: 2,
};

function seeded(seed = 1): Faker {
  return new Faker({ locale: [en, base], seed });
}

function failure(run: () => unknown): AllotError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AllotError);
    return error as AllotError;
  }
  throw new Error('expected an AllotError');
}

describe('renderTemplate', () => {
  it('fills in the context placeholders', () => {
    const template =
      '{{job.id}}/{{run.namespace}}/{{pool.name}}/{{suite.name}}/{{test.name}}/{{row.index}}';
    expect(renderTemplate(template, context, seeded())).toBe('41/run-7/shop/checkout/pays/2');
  });

  it('allows spaces inside the braces', () => {
    expect(renderTemplate('qa+{{ run.namespace }}@x', context, seeded())).toBe('qa+run-7@x');
  });

  it('calls faker methods with JSON arguments', () => {
    const text = renderTemplate(
      '{{string.alphanumeric(6)}}-{{number.int({"min":1,"max":9})}}',
      context,
      seeded(),
    );
    expect(text).toMatch(/^[A-Za-z0-9]{6}-[1-9]$/);
  });

  it('renders the same text for the same seed', () => {
    const template = '{{person.fullName}} <{{internet.email}}>';
    expect(renderTemplate(template, context, seeded(5))).toBe(
      renderTemplate(template, context, seeded(5)),
    );
    expect(renderTemplate(template, context, seeded(5))).not.toBe(
      renderTemplate(template, context, seeded(6)),
    );
  });

  it('handles parentheses and braces inside JSON string arguments', () => {
    const text = renderTemplate('{{helpers.arrayElement(["a)}}b"])}}', context, seeded());
    expect(text).toBe('a)}}b');
  });

  it('keeps text without placeholders as it is', () => {
    expect(renderTemplate('plain } text }}', context, seeded())).toBe('plain } text }}');
  });

  it('refuses unknown placeholders and names them', () => {
    const error = failure(() => renderTemplate('x{{run.id}}', context, seeded()));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('unknown placeholder {{run.id}}');
    expect(error.message).toContain('run.namespace');
  });

  it.each([
    '{{constructor.name}}',
    '{{person.constructor}}',
    '{{person.toString}}',
    '{{person.faker}}',
    '{{definitions.person}}',
    '{{rawDefinitions.person}}',
  ])('refuses %s, which is not a faker method', (template) => {
    expect(failure(() => renderTemplate(template, context, seeded())).code).toBe('INVALID_INPUT');
  });

  it.each(['{{__proto__.x}}', '{{person._x}}', '{{Person.fullName}}', '{{a.b.c}}', '{{person}}'])(
    'refuses names that are not module.method: %s',
    (template) => {
      const error = failure(() => renderTemplate(template, context, seeded()));
      expect(error.message).toContain('must name module.method');
    },
  );

  it('refuses arguments on context placeholders', () => {
    expect(failure(() => renderTemplate('{{job.id(1)}}', context, seeded())).message).toContain(
      'takes no arguments',
    );
  });

  it('reports a failing faker call with its reason', () => {
    const error = failure(() =>
      renderTemplate('{{number.int({"min":9,"max":1})}}', context, seeded()),
    );
    expect(error.message).toMatch(/^faker call \{\{number\.int\(.*\)\}\} failed: /);
    expect(error.cause).toBeInstanceOf(Error);
  });
});

describe('checkTemplate', () => {
  it('accepts valid templates', () => {
    expect(
      checkTemplate('qa+{{run.namespace}}-{{string.alphanumeric(6)}}@example.test'),
    ).toBeNull();
    expect(checkTemplate('{{number.int({"min":1,"max":9})}}')).toBeNull();
    expect(checkTemplate('no placeholders')).toBeNull();
  });

  it.each([
    ['{{person.fullName', 'is not closed with "}}"'],
    ['{{string.alphanumeric(6}}', 'has no closing ")"'],
    ['{{string.alphanumeric(six)}}', 'are not JSON'],
    ['{{}}', 'must name module.method'],
    ['{{person.nope}}', 'unknown placeholder {{person.nope}}'],
    ['{{nope.fullName}}', 'unknown placeholder {{nope.fullName}}'],
    ['{{row.index()}}', 'takes no arguments'],
    ['{{number.int({"min":9,"max":1})}}', 'failed'],
  ])('explains what is wrong with %s', (template, problem) => {
    expect(checkTemplate(template)).toContain(problem);
  });
});
