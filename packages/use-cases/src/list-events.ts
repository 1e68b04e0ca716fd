import { AllotError, type EventQuery, type EventRecord, type EventStore } from '@allot/core';

/**
 * A page of a workspace's event log, newest first; INVALID_INPUT when the
 * range ends before it starts.
 */
export function listEvents(store: EventStore, query: EventQuery): Promise<EventRecord[]> {
  if (
    query.from !== undefined &&
    query.to !== undefined &&
    Date.parse(query.to) < Date.parse(query.from)
  ) {
    throw new AllotError('INVALID_INPUT', '`to` is before `from`', { field: 'querystring.to' });
  }
  return store.listEvents(query);
}
