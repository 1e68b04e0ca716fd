/** The workspace of embedded use (CLI, action). */
export const DEFAULT_WORKSPACE = 'default';
/** How long leases last when nobody says: two hours. */
export const DEFAULT_TTL_SECONDS = 7200;
