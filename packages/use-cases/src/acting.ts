/** Who performs a use case that records an event: the event's workspace, actor and address. */
export interface Acting {
  workspace: string;
  /** How the event log names the caller (a key and its user). */
  actor: string;
  /** The user the caller acts as: notifications about their own work go to it. */
  user: string;
  /** The caller's address; null for work the server does by itself. */
  ip: string | null;
  now: Date;
}
