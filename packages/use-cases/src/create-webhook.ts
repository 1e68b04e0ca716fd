import { randomBytes, randomUUID } from 'node:crypto';
import { AllotError, checkWebhookInput, type CatalogueStore, type Webhook } from '@allot/core';
import { toWebhook, WEBHOOK_KIND, type WebhookBody } from './webhook-records.js';

/** A new webhook's settings; `url` and `events` are required, a secret is made when none is given. */
export interface NewWebhook {
  workspace: string;
  url: string;
  events: readonly string[];
  secret?: string;
  active?: boolean;
  description?: string | null;
  actor: string;
}

/** Checks a URL's destination (DNS and address policy); throws INVALID_INPUT naming `url`. */
export type CheckWebhookDestination = (url: string) => Promise<void>;

/**
 * Stores a new webhook of a workspace after checking its settings and where
 * its URL leads. Returns it with its secret, which the caller shows once.
 */
export async function createWebhook(
  store: CatalogueStore,
  input: NewWebhook,
  checkDestination: CheckWebhookDestination,
  now: Date,
): Promise<Webhook> {
  const { events } = checkWebhookInput(input);
  if (events === undefined) {
    throw new AllotError('INVALID_INPUT', 'events must name at least one kind', {
      field: 'events',
    });
  }
  await checkDestination(input.url);
  const body: WebhookBody = {
    url: input.url,
    events,
    secret: input.secret ?? `whsec_${randomBytes(24).toString('hex')}`,
    active: input.active ?? true,
    description: input.description ?? null,
  };
  const record = await store.putCatalogue(
    {
      kind: WEBHOOK_KIND,
      workspace: input.workspace,
      project: null,
      name: randomUUID(),
      body,
      actor: input.actor,
      expectedVersion: null,
    },
    now,
  );
  return toWebhook(record);
}
