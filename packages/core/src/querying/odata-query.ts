import type { OrderBy, Where } from '../model/pool-definition.js';

/** The OData system query options of a list request, as sent (each optional). */
export interface ODataParams {
  $filter?: string;
  $orderby?: string;
  $top?: string | number;
  $skip?: string | number;
  $select?: string;
  $count?: string | boolean;
}

/** A list query compiled onto the find filter: what to keep, in which order, which page, which fields. */
export interface ODataQuery {
  /** The `$filter`, as a find's `where`; undefined keeps everything. */
  where: Where | undefined;
  /** The `$orderby` keys; empty keeps the list's own order. */
  order: OrderBy[];
  /** `$skip`. */
  skip: number;
  /** `$top`, capped; the default page when not sent. */
  top: number;
  /** `$select`; undefined shows every field. */
  select: string[] | undefined;
  /** `$count=true`: the answer says how many match, all pages together. */
  count: boolean;
}

/** How many items a list answers at most, and by default. */
export interface ODataLimits {
  maxTop: number;
  defaultTop: number;
}

/** The limits of `/api/v1` lists: 50 items unless `$top` says otherwise, 1,000 at most. */
export const DEFAULT_ODATA_LIMITS: ODataLimits = { maxTop: 1000, defaultTop: 50 };
