/** A page of a TestRail bulk GET: `offset`, `limit`, `size` (entries in this page) and `_links`. */
export interface TestRailPage {
  offset: number;
  limit: number;
  size: number;
  _links: { next: string | null; prev: string | null };
}

/**
 * The pagination fields of a bulk answer, with links written as TestRail
 * writes them (`/api/v2/get_datasets/2&limit=250&offset=250`: the part of
 * the URL after `index.php?`).
 */
export function testRailPage(
  route: string,
  page: { offset: number; limit: number },
  size: number,
  total: number,
): TestRailPage {
  const link = (offset: number) => `${route}&limit=${page.limit}&offset=${offset}`;
  return {
    offset: page.offset,
    limit: page.limit,
    size,
    _links: {
      next: page.offset + page.limit < total ? link(page.offset + page.limit) : null,
      prev: page.offset > 0 ? link(Math.max(0, page.offset - page.limit)) : null,
    },
  };
}
