import { Type, type Static, type TSchema } from 'typebox';

/** `?limit&offset` of every list route. */
export const PageQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 50 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000_000, default: 0 }),
});

/** The paging parameters of a list route, defaults applied. */
export type PageParams = Static<typeof PageQuery>;

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
