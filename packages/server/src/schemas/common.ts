import { Type, type TSchema } from 'typebox';
import { ROLES } from '@allot/core';

/** The one error shape of every route. */
export const ErrorSchema = Type.Object(
  {
    status: Type.Integer(),
    code: Type.String({
      description: 'Stable code from the error catalogue (README, "Error codes").',
    }),
    message: Type.String(),
    requestId: Type.String(),
    field: Type.Optional(Type.String({ description: 'The offending request field.' })),
  },
  { description: 'The error shape of every route' },
);

/** Adds the error responses every route may give to its success responses. */
export function withErrors<T extends Record<number, TSchema>>(responses: T) {
  return { ...responses, '4xx': ErrorSchema, '5xx': ErrorSchema };
}

/** A name of a pool, suite, test or block as people write it: any text, bounded. */
export const Name = Type.String({ minLength: 1, maxLength: 500 });

export const RoleSchema = Type.Enum([...ROLES]);

export const PageQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 50 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000_000, default: 0 }),
});

export const Links = Type.Object({
  self: Type.String(),
  next: Type.Union([Type.String(), Type.Null()]),
  prev: Type.Union([Type.String(), Type.Null()]),
});

/** A page of a list with links to its neighbours. */
export function PageOf<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    limit: Type.Integer(),
    offset: Type.Integer(),
    total: Type.Union([Type.Integer(), Type.Null()], {
      description: 'Null when counting would cost a full scan.',
    }),
    links: Links,
  });
}

export const TestRefSchema = Type.Object({ pool: Name, suite: Name, test: Name });

/** Any JSON value: for parts whose shape the core validates (finds, makes, pool files). */
export const AnyJson = Type.Unknown();

export const ValueSchema = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);

export const RowObjectSchema = Type.Record(Type.String(), ValueSchema);
