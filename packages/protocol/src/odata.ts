import { Type, type Static } from 'typebox';
import { PageQuery } from './page.js';

/**
 * The OData system query options every `/api/v1` list takes, with OData's
 * own names. `$skip` and `$top` stand in for `offset` and `limit` when sent;
 * `$top` is capped at 1000. With `$count=true`, `total` counts the items the
 * filter selects.
 */
export const ODataQuery = Type.Object({
  $filter: Type.Optional(
    Type.String({
      maxLength: 4000,
      description:
        "OData filter: eq ne gt ge lt le, and or not, parentheses, contains(f,'x') startswith endswith, f in (…); e.g. status eq 'active' and balance gt 500",
    }),
  ),
  $orderby: Type.Optional(
    Type.String({
      maxLength: 1000,
      description: 'Fields with asc or desc, e.g. `balance desc,id`',
    }),
  ),
  $top: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  $skip: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000 })),
  $select: Type.Optional(
    Type.String({ maxLength: 4000, description: 'The fields each item keeps, e.g. `id,email`' }),
  ),
  $count: Type.Optional(Type.Boolean()),
});

/** `limit`/`offset` and the OData options of a list route. */
export const ListQuery = Type.Object({ ...PageQuery.properties, ...ODataQuery.properties });

export type ListParams = Static<typeof ListQuery>;

/** `GET /api/v1/blocks/{block}/rows`: a page of a version's rows that an OData query selects. */
export const BlockRowsPageSchema = Type.Object({
  block: Type.String(),
  version: Type.String(),
  /** The columns each row shows, in order: the `$select`ed ones, else all. */
  columns: Type.Array(Type.String()),
  items: Type.Array(
    Type.Record(
      Type.String(),
      Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]),
    ),
  ),
  limit: Type.Integer(),
  offset: Type.Integer(),
  /** The rows the filter selects, all pages together. */
  total: Type.Integer(),
  links: Type.Object({
    self: Type.String(),
    next: Type.Union([Type.String(), Type.Null()]),
    prev: Type.Union([Type.String(), Type.Null()]),
  }),
});

/** A page of a block version's rows that an OData query selects. */
export type BlockRowsPage = Static<typeof BlockRowsPageSchema>;
