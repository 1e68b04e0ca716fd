import type { PageParams } from '@allot/protocol';
import type { FastifyRequest } from 'fastify';

/** A page of a list, with relative links to the next and previous pages. */
export interface Paged<T> {
  items: T[];
  limit: number;
  offset: number;
  total: number | null;
  links: { self: string; next: string | null; prev: string | null };
}

/** A page cut from a whole list. */
export function pageOfList<T>(
  request: FastifyRequest,
  all: readonly T[],
  page: PageParams,
): Paged<T> {
  const items = all.slice(page.offset, page.offset + page.limit);
  return paged(request, items, page, page.offset + page.limit < all.length, all.length);
}

/**
 * A page from a store that pages itself: ask it for `limit + 1` items, and
 * the extra one tells whether a next page exists.
 */
export function pageOfProbe<T>(
  request: FastifyRequest,
  probe: readonly T[],
  page: PageParams,
): Paged<T> {
  return paged(request, probe.slice(0, page.limit), page, probe.length > page.limit, null);
}

/** A page with its links, for a source that knows whether more follow (and maybe how many). */
export function paged<T>(
  request: FastifyRequest,
  items: T[],
  page: PageParams,
  more: boolean,
  total: number | null,
): Paged<T> {
  const link = (offset: number) => {
    const url = new URL(request.url, 'http://allot.invalid');
    url.searchParams.set('limit', String(page.limit));
    url.searchParams.set('offset', String(offset));
    return `${url.pathname}${url.search}`;
  };
  return {
    items,
    limit: page.limit,
    offset: page.offset,
    total,
    links: {
      self: link(page.offset),
      next: more ? link(page.offset + page.limit) : null,
      prev: page.offset > 0 ? link(Math.max(0, page.offset - page.limit)) : null,
    },
  };
}
