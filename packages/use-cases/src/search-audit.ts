import {
  isAudited,
  type EventQuery,
  type EventRecord,
  type EventStore,
  type Page,
} from '@allot/core';
import { listEvents } from './list-events.js';

/** How many events are read at a time while filtering by actor set. */
const BATCH = 200;

/**
 * A page of a workspace's audit log (what callers did, not the server's own
 * events), newest first, filtered as the event log filters, and optionally
 * to a set of actors (all the users of a role, say), paged after filtering.
 */
export async function searchAudit(
  store: EventStore,
  query: Omit<EventQuery, 'page'> & { actors?: ReadonlySet<string> },
  page: Page,
): Promise<EventRecord[]> {
  const { actors, ...filters } = query;
  const found: EventRecord[] = [];
  let skip = page.offset;
  for (let offset = 0; ; offset += BATCH) {
    const batch = await listEvents(store, { ...filters, page: { limit: BATCH, offset } });
    for (const event of batch) {
      if (!isAudited(event) || (actors !== undefined && !actors.has(event.actor))) continue;
      if (skip > 0) {
        skip -= 1;
        continue;
      }
      found.push(event);
      if (found.length === page.limit) return found;
    }
    if (batch.length < BATCH) return found;
  }
}
