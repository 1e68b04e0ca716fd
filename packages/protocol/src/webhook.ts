import { Type, type Static } from 'typebox';

const EVENT_KINDS = [
  'job.completed',
  'job.failed',
  'dataset.completed',
  'dataset.failed',
  'schema.uploaded',
  'project.created',
] as const;

/** An event kind a webhook may subscribe to. */
export const WebhookEventKindSchema = Type.Enum([...EVENT_KINDS]);

const Url = Type.String({ minLength: 1, maxLength: 2048, description: 'An http or https URL.' });
const Secret = Type.String({
  minLength: 16,
  maxLength: 256,
  description: 'The HMAC-SHA256 key of the signatures; write-only, never returned.',
});
const Description = Type.Union([Type.String({ maxLength: 500 }), Type.Null()]);

/** A webhook as the API returns it: never its secret. */
export const WebhookSchema = Type.Object({
  id: Type.String(),
  url: Type.String(),
  events: Type.Array(Type.String()),
  active: Type.Boolean(),
  description: Type.Union([Type.String(), Type.Null()]),
  createdBy: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/** A webhook as its creation returns it: the secret, shown this once. */
export const CreatedWebhookSchema = Type.Object({
  ...WebhookSchema.properties,
  secret: Type.String({ description: 'Shown only in this response.' }),
});

/** The body of `POST /api/v1/webhooks`. */
export const NewWebhookBody = Type.Object(
  {
    url: Url,
    events: Type.Array(WebhookEventKindSchema, { minItems: 1, maxItems: EVENT_KINDS.length }),
    secret: Type.Optional(Secret),
    active: Type.Optional(Type.Boolean()),
    description: Type.Optional(Description),
  },
  { additionalProperties: false },
);

/** The body of `PATCH /api/v1/webhooks/{id}`: any of the settings. */
export const WebhookPatchBody = Type.Object(
  {
    url: Type.Optional(Url),
    events: Type.Optional(
      Type.Array(WebhookEventKindSchema, { minItems: 1, maxItems: EVENT_KINDS.length }),
    ),
    secret: Type.Optional(Secret),
    active: Type.Optional(Type.Boolean()),
    description: Type.Optional(Description),
  },
  { additionalProperties: false },
);

/** A webhook as the API returns it. */
export type WebhookView = Static<typeof WebhookSchema>;

/** One attempt of a delivery, as the delivery log lists it. */
export const WebhookAttemptSchema = Type.Object({
  webhookId: Type.String(),
  deliveryId: Type.String(),
  queuedJobId: Type.String(),
  event: Type.String(),
  attempt: Type.Integer(),
  url: Type.String(),
  at: Type.String(),
  status: Type.Union([Type.Integer(), Type.Null()]),
  durationMs: Type.Integer(),
  ok: Type.Boolean(),
  error: Type.Union([Type.String(), Type.Null()]),
});

/** One attempt of a delivery. */
export type WebhookAttemptView = Static<typeof WebhookAttemptSchema>;

/** What `POST /api/v1/webhooks/{id}/test` answers: the ping's delivery, queued. */
export const QueuedDeliverySchema = Type.Object({
  webhookId: Type.String(),
  deliveryId: Type.String(),
  queuedJobId: Type.String(),
});
