/** The audit log's entries. Plain data only: stored as JSON. */

/** Who did what to what, for the audit log. */
export interface AuditEvent {
  id: number;
  workspace: string;
  at: string;
  /** The key (and its user) that acted. */
  actor: string;
  /** e.g. `job.execute`, `job.release`, `block.upload`, `pool.delete`. */
  action: string;
  target: string;
  details: Record<string, unknown>;
}
