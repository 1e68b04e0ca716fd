import { describe, expect, it } from 'vitest';
import { failure } from '../testing/failure.js';
import { PERSON_SCHEMA } from '../testing/synth-fixtures.js';
import { fieldAt } from './field-tree.js';
import { readJsonSchema } from './read-json-schema.js';

const object = (properties: object, extra: object = {}) => ({
  type: 'object',
  properties,
  ...extra,
});

describe('readJsonSchema', () => {
  it('reads types, formats, bounds, lengths, patterns, enums, const, arrays, nesting, $ref and oneOf', () => {
    const tree = readJsonSchema(PERSON_SCHEMA);
    expect(tree).toMatchObject({
      language: 'json-schema',
      dialect: '2020-12',
      recordName: 'person',
    });
    expect(fieldAt(tree, 'id')).toMatchObject({ kind: 'integer', required: true, minimum: 1 });
    expect(fieldAt(tree, 'name')).toMatchObject({ kind: 'string', minLength: 2, maxLength: 30 });
    expect(fieldAt(tree, 'email')).toMatchObject({ format: 'email' });
    expect(fieldAt(tree, 'status')).toMatchObject({
      kind: 'string',
      enum: ['active', 'locked', 'closed'],
    });
    expect(fieldAt(tree, 'score')).toMatchObject({
      kind: 'number',
      required: false,
      multipleOf: 0.5,
    });
    expect(fieldAt(tree, 'code')).toMatchObject({ pattern: '^[A-Z]{2}-\\d{4}$', anchored: false });
    expect(fieldAt(tree, 'nickname')).toMatchObject({ kind: 'string', nullable: true });
    expect(fieldAt(tree, 'tags')).toMatchObject({
      kind: 'array',
      minItems: 1,
      maxItems: 3,
      uniqueItems: true,
    });
    expect(fieldAt(tree, 'tags[]')).toMatchObject({
      kind: 'string',
      enum: ['a', 'b', 'c', '=cmd'],
    });
    expect(fieldAt(tree, 'address.city')).toMatchObject({ kind: 'string', required: true });
    expect(fieldAt(tree, 'address.zip')).toMatchObject({ required: false });
    expect(fieldAt(tree, 'contact')).toMatchObject({ kind: 'choice', combinator: 'oneOf' });
    expect(fieldAt(tree, 'contact')!.variants).toHaveLength(2);
    expect(fieldAt(tree, 'kind')).toMatchObject({ kind: 'string', const: 'person' });
  });

  it('reads draft-07 with definitions, and anyOf with null as a nullable field', () => {
    const tree = readJsonSchema({
      $schema: 'http://json-schema.org/draft-07/schema#',
      ...object({
        a: { $ref: '#/definitions/a' },
        b: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
      }),
      definitions: { a: { type: 'boolean' } },
    });
    expect(tree.dialect).toBe('draft-07');
    expect(fieldAt(tree, 'a')).toMatchObject({ kind: 'boolean' });
    expect(fieldAt(tree, 'b')).toMatchObject({ kind: 'integer', nullable: true });
  });

  it.each([
    [object({ a: { type: 'string', not: { const: 'x' } } }), 'keyword "not"', 'a'],
    [object({ a: { allOf: [{ type: 'string' }] } }), 'keyword "allOf"', 'a'],
    [
      object({}, { patternProperties: { '^x': { type: 'string' } } }),
      'keyword "patternProperties"',
      '(root)',
    ],
    [object({ a: { type: 'string', format: 'credit-card' } }), 'format "credit-card"', 'a'],
    [object({ a: { $ref: 'https://example.com/s.json' } }), 'only local #/ references', 'a'],
    [object({ a: { $ref: '#' } }), 'recursive $ref #', 'a.a'],
    [object({ a: { type: 'array', items: [{ type: 'string' }] } }), 'tuples', 'a'],
    [object({ a: { type: ['string', 'integer'] } }), 'one type, optionally with null', 'a'],
    [object({ a: { type: 'string', if: { minLength: 1 } } }), 'keyword "if"', 'a'],
    [object({ a: {} }), 'schema with no type', 'a'],
  ])('refuses an unsupported construct by name (%#)', (schema, construct, path) => {
    const error = failure(() => readJsonSchema(schema));
    expect(error.code).toBe('UNSUPPORTED_SCHEMA');
    expect(error.message).toContain(construct);
    expect(error.details.path).toBe(path);
  });

  it('refuses what cannot be read: not JSON, a dangling $ref, a non-object record', () => {
    expect(failure(() => readJsonSchema('{')).code).toBe('INVALID_SCHEMA');
    const dangling = failure(() => readJsonSchema(object({ a: { $ref: '#/$defs/missing' } })));
    expect(dangling).toMatchObject({ code: 'INVALID_SCHEMA', details: { path: 'a' } });
    expect(failure(() => readJsonSchema({ type: 'string' })).code).toBe('INVALID_SCHEMA');
  });
});
