import { Type, type Static, type TSchema } from 'typebox';

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

/** The body of every error response; `code` is one of the server's catalogue. */
export type ErrorBody = Static<typeof ErrorSchema>;

/** Adds the error responses every route may give to its success responses. */
export function withErrors<T extends Record<number, TSchema>>(responses: T) {
  return { ...responses, '4xx': ErrorSchema, '5xx': ErrorSchema };
}
