import { AjvCompiler } from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type CompilersFactory = NonNullable<
  NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
>;

/**
 * Fastify's own schema compilers (ajv for validation, fast-json-stringify
 * for responses), with what they compile kept for the whole process: every
 * app `buildApp` makes compiles the same few hundred route schemas, which
 * costs most of the second it takes, and a test file builds many apps. A
 * compiled function is shared when the schema, the shared schemas and the
 * options are the same as JSON; schemas compile to pure functions, so apps
 * sharing one cannot tell. Only the server's own route schemas come here
 * (user-supplied JSON Schemas are never compiled).
 */
export const sharedSchemaCompilers = {
  buildValidator: cachedFactory(AjvCompiler() as unknown as Factory, (options) =>
    JSON.stringify((options as { customOptions?: unknown } | undefined)?.customOptions ?? null),
  ),
  buildSerializer: cachedFactory(SerializerSelector() as unknown as Factory, (options) =>
    JSON.stringify(options ?? null),
  ),
} as CompilersFactory;

/** Both factories, as this file uses them: shared schemas and options in, a compiler out. */
type Factory = (
  externalSchemas: unknown,
  options: unknown,
) => (route: { schema?: unknown }) => unknown;

/**
 * A compiler factory whose compilers look up what they compiled before,
 * keyed by the shared schemas, the options and the route's schema.
 */
function cachedFactory(factory: Factory, optionsKey: (options: unknown) => string): Factory {
  const compiled = new Map<string, unknown>();
  return (externalSchemas, options) => {
    const compile = factory(externalSchemas, options);
    const scope = `${JSON.stringify(externalSchemas ?? null)}\n${optionsKey(options)}\n`;
    return (route) => {
      const key = scope + JSON.stringify(route.schema ?? null);
      if (!compiled.has(key)) compiled.set(key, compile(route));
      return compiled.get(key);
    };
  };
}
