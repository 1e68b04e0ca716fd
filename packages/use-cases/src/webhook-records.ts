import {
  AllotError,
  type CatalogueRecord,
  type CatalogueStore,
  type Webhook,
  type WebhookAttempt,
  type WebhookEventKind,
} from '@allot/core';

/** The catalogue kind of webhooks: one name per webhook, a new version per change. */
export const WEBHOOK_KIND = 'webhook';
/** The catalogue kind of delivery attempts: one record each, never changed. */
export const WEBHOOK_ATTEMPT_KIND = 'webhook-attempt';
/** The queued job kind that delivers one event to one webhook. */
export const WEBHOOK_DELIVERY_KIND = 'webhook-delivery';

/** What a webhook's catalogue record holds. */
export interface WebhookBody {
  url: string;
  events: WebhookEventKind[];
  secret: string;
  active: boolean;
  description: string | null;
}

/** A webhook from its latest catalogue version. */
export function toWebhook(record: CatalogueRecord): Webhook {
  const body = record.body as WebhookBody;
  return {
    id: record.id,
    workspace: record.workspace,
    url: body.url,
    events: body.events,
    secret: body.secret,
    active: body.active,
    description: body.description,
    createdBy: record.createdBy,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** The webhook's latest record, or undefined (also for an id of another kind or workspace). */
export async function findWebhookRecord(
  store: CatalogueStore,
  workspace: string,
  id: string,
): Promise<CatalogueRecord | undefined> {
  if (!/^[0-9a-f]{24}$/.test(id)) return undefined;
  const record = await store.getCatalogueById(workspace, id);
  return record?.kind === WEBHOOK_KIND ? record : undefined;
}

/** The webhook's latest record; NOT_FOUND when the workspace has none with this id. */
export async function webhookRecord(
  store: CatalogueStore,
  workspace: string,
  id: string,
): Promise<CatalogueRecord> {
  const record = await findWebhookRecord(store, workspace, id);
  if (record === undefined) throw new AllotError('NOT_FOUND', `no webhook ${id}`);
  return record;
}

/**
 * The catalogue name of an attempt: attempts of one webhook share a prefix
 * and sort by time, so listing a webhook's log is one prefix query.
 */
export function attemptName(attempt: WebhookAttempt): string {
  return `${attempt.webhookId}:${attempt.at}:${attempt.deliveryId}:${String(attempt.attempt).padStart(4, '0')}`;
}
