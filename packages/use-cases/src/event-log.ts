import type { EventRecord, EventStore, NewEvent } from '@allot/core';

/** Called with each event once it is stored. */
export type EventListener = (event: EventRecord) => void | Promise<void>;

/** The in-process subscription point to recorded events (webhook delivery listens here). */
export interface EventSubscriptions {
  /** Calls `listener` with every event recorded from now on; returns the unsubscribe. */
  onEvent(listener: EventListener): () => void;
}

/**
 * Records events in the store and then hands each to the listeners. A
 * listener's failure is reported to `onListenerError` and never undoes or
 * fails the recording: the event happened whatever its listeners do.
 */
export class EventLog implements EventSubscriptions {
  readonly #store: EventStore;
  readonly #listeners = new Set<EventListener>();
  readonly #onListenerError: (error: unknown, event: EventRecord) => void;

  constructor(
    store: EventStore,
    onListenerError: (error: unknown, event: EventRecord) => void = () => undefined,
  ) {
    this.#store = store;
    this.#onListenerError = onListenerError;
  }

  onEvent(listener: EventListener): () => void {
    // A wrapper per call, so one listener subscribed twice is called twice and unsubscribed once each.
    const entry: EventListener = (event) => listener(event);
    this.#listeners.add(entry);
    return () => this.#listeners.delete(entry);
  }

  /** Appends an event (with notifications for `notify`), then tells the listeners. */
  async record(event: NewEvent, notify: readonly string[] = []): Promise<EventRecord> {
    const stored = await this.#store.appendEvent(event, notify);
    await this.announce(stored);
    return stored;
  }

  /**
   * Tells the listeners of an event the store has already written, with the
   * change it records (a project and its event are one write).
   */
  async announce(stored: EventRecord): Promise<void> {
    for (const listener of [...this.#listeners]) {
      try {
        await listener(stored);
      } catch (error) {
        this.#onListenerError(error, stored);
      }
    }
  }
}
