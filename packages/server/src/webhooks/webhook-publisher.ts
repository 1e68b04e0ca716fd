import type { CatalogueStore, WebhookEvent, WorkQueue } from '@allot/core';
import { publishWebhookEvent, type WebhookRetryPolicy } from '@allot/use-cases';

/** What the publisher needs. */
export interface WebhookPublisherOptions {
  store: CatalogueStore;
  queue: WorkQueue;
  policy: WebhookRetryPolicy;
  /** Told when an event could not be queued (the store or queue failed). */
  onError: (error: unknown, event: WebhookEvent) => void;
}

/**
 * Where events enter the webhook deliveries: `publish` queues a delivery to
 * each subscribed webhook in the background, so the work that raised the
 * event never waits on it; `drain` lets shutdown wait for the queuing.
 */
export class WebhookPublisher {
  readonly #options: WebhookPublisherOptions;
  readonly #pending = new Set<Promise<void>>();

  constructor(options: WebhookPublisherOptions) {
    this.#options = options;
  }

  /** Queues deliveries of the event; never throws (failures go to `onError`). */
  publish(event: WebhookEvent): void {
    const { store, queue, policy, onError } = this.#options;
    const queued = publishWebhookEvent(store, queue, event, policy).then(
      () => undefined,
      (error: unknown) => onError(error, event),
    );
    this.#pending.add(queued);
    void queued.finally(() => this.#pending.delete(queued));
  }

  /** Resolves once every event published so far is queued (or has failed to be). */
  async drain(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }
}
