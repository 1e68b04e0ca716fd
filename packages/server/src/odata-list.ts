import {
  parseODataQuery,
  runODataQuery,
  selectFields,
  type ODataParams,
  type ODataQuery,
  type Value,
} from '@allot/core';
import type { ListParams } from '@allot/protocol';
import type { FastifyRequest } from 'fastify';
import { paged, type Paged } from './pagination.js';

/** The most items an OData query over a list the store pages reads: newest first. */
export const ODATA_WINDOW = 10_000;

const OPTIONS = ['$filter', '$orderby', '$top', '$skip', '$select', '$count'] as const;

/** Whether a list request uses any OData option. */
export function usesOData(query: Partial<ListParams>): boolean {
  return OPTIONS.some((option) => query[option] !== undefined);
}

/**
 * The OData options of a request, `$top` and `$skip` defaulting to
 * `limit` and `offset`, compiled against a list's fields.
 *
 * @throws AllotError `INVALID_INPUT` naming the option and what in it is wrong
 */
export function odataQueryOf(query: ListParams, fields: readonly string[]): ODataQuery {
  const params: ODataParams = {
    $top: query.$top ?? query.limit,
    $skip: query.$skip ?? query.offset,
  };
  if (query.$filter !== undefined) params.$filter = query.$filter;
  if (query.$orderby !== undefined) params.$orderby = query.$orderby;
  if (query.$select !== undefined) params.$select = query.$select;
  if (query.$count !== undefined) params.$count = query.$count;
  return parseODataQuery(params, fields);
}

/**
 * A page of a list run through its OData options in memory: the filter and
 * order of the find engine over the items' scalar `fields`, `$select`ed,
 * with `total` the count of items the filter selects. Links carry `$skip`
 * and `$top`. Every list of `/api/v1` but blocks' rows (which the store
 * queries where the rows are) answers through here.
 */
export function odataPage<T extends object>(
  request: FastifyRequest,
  all: readonly T[],
  fields: readonly string[],
): Paged<Partial<T>> {
  const query = odataQueryOf(request.query as ListParams, fields);
  const page = runODataQuery(all, fields, (item) => fields.map((f) => scalar(item, f)), query);
  return odataPaged(
    request,
    page.items.map((item) => selectFields(item, query.select)),
    query,
    page.count,
  );
}

/** A page with links that page by `$skip` and `$top`. */
export function odataPaged<T>(
  request: FastifyRequest,
  items: T[],
  query: ODataQuery,
  count: number,
): Paged<T> {
  const base = paged(request, items, { limit: query.top, offset: query.skip }, false, count);
  const link = (skip: number) => {
    const url = new URL(request.url, 'http://allot.invalid');
    for (const name of ['limit', 'offset', '$skip', '$top']) url.searchParams.delete(name);
    url.searchParams.set('$top', String(query.top));
    url.searchParams.set('$skip', String(skip));
    return `${url.pathname}${url.search}`;
  };
  return {
    ...base,
    links: {
      self: link(query.skip),
      next: query.skip + query.top < count && query.top > 0 ? link(query.skip + query.top) : null,
      prev: query.skip > 0 ? link(Math.max(0, query.skip - query.top)) : null,
    },
  };
}

/** The fields of a list item that queries may name: its scalar values. */
export function scalarFields(sample: Record<string, object>): string[] {
  const scalar = (schema: { type?: unknown; anyOf?: unknown }): boolean => {
    if (Array.isArray(schema.anyOf))
      return (schema.anyOf as Array<{ type?: unknown }>).every((s) => scalar(s));
    return ['string', 'integer', 'number', 'boolean', 'null'].includes(String(schema.type));
  };
  return Object.entries(sample)
    .filter(([, schema]) => scalar(schema as { type?: unknown; anyOf?: unknown }))
    .map(([name]) => name);
}

function scalar(item: object, field: string): Value {
  const value = (item as Record<string, unknown>)[field];
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? value
    : null;
}
