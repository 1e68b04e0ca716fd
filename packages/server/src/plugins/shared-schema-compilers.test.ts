import { describe, expect, test } from 'vitest';
import { sharedSchemaCompilers } from './shared-schema-compilers.js';

type Compiler = (route: object) => unknown;
type Factory = (externalSchemas: unknown, options: unknown) => Compiler;

/** What two apps' fastify instances would each do: build a compiler, compile a route's schema. */
const compileTwice = (factory: Factory, first: object, second: object, options: unknown[]) => [
  factory({}, options[0])(first),
  factory({}, options[1] ?? options[0])(second),
];

describe('shared schema compilers', () => {
  const validators = sharedSchemaCompilers.buildValidator as unknown as Factory;
  const serializers = sharedSchemaCompilers.buildSerializer as unknown as Factory;
  const params = () => ({
    schema: { type: 'object', properties: { pool: { type: 'string', maxLength: 5 } } },
    method: 'GET',
    url: '/pools/:pool',
    httpPart: 'params',
  });
  const ajvOptions = { customOptions: { coerceTypes: 'array', allErrors: false }, plugins: [] };

  test('a second app gets the validator compiled for an equal schema, and it validates', () => {
    const [a, b] = compileTwice(validators, params(), params(), [ajvOptions]);
    expect(b).toBe(a);
    const validate = a as (data: unknown) => boolean;
    expect([validate({ pool: 'shop' }), validate({ pool: 'too long' })]).toEqual([true, false]);
  });

  test('another schema or other options compile anew', () => {
    const other = params();
    other.schema.properties.pool.maxLength = 6;
    const [a, b] = compileTwice(validators, params(), other, [ajvOptions]);
    expect(b).not.toBe(a);
    const [c, d] = compileTwice(validators, params(), params(), [
      ajvOptions,
      { ...ajvOptions, customOptions: { ...ajvOptions.customOptions, allErrors: true } },
    ]);
    expect(d).not.toBe(c);
  });

  test('serializers are shared the same way', () => {
    const response = () => ({
      schema: { type: 'object', properties: { id: { type: 'string' } } },
      method: 'GET',
      url: '/x',
      httpStatus: '200',
    });
    const [a, b] = compileTwice(serializers, response(), response(), [{}]);
    expect(b).toBe(a);
    expect((a as (doc: unknown) => string)({ id: 'C-1', secret: 'no' })).toBe('{"id":"C-1"}');
  });
});
