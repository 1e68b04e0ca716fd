import { Type, type Static } from 'typebox';

/** What a release ended: rows returned to the pool, and rows kept because a test consumed them. */
export const ReleaseSchema = Type.Object({ released: Type.Integer(), consumed: Type.Integer() });

/** What a release ended: rows returned to the pool, and rows kept because a test consumed them. */
export type ReleaseOutcome = Static<typeof ReleaseSchema>;
