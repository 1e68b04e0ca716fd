import type { S3IntegrationView, S3Target } from '@allot/use-cases';
import { Type, type Static, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { HttpError } from '../../errors/http-error.js';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

/** The `s3` provider's config, as `POST /integrations` takes it. */
export const S3Config = Type.Object(
  {
    bucket: Text(63),
    region: Type.Optional(Text(50)),
    endpoint: Type.Optional(Type.Union([Text(2000), Type.Null()])),
    prefix: Type.Optional(Type.String({ maxLength: 512 })),
    forcePathStyle: Type.Optional(Type.Boolean()),
    accessKeyId: Text(200),
    secretAccessKey: Text(500),
  },
  { additionalProperties: false },
);

/** What `PUT /integrations/{id}` may change of an `s3` integration's config. */
export const S3ConfigChanges = Type.Partial(S3Config, { additionalProperties: false });

/** The `s3` provider as `GET /integrations/providers` lists it. */
export const S3_PROVIDER = {
  id: 's3',
  name: 'Amazon S3 or S3-compatible storage',
  description:
    'POST /datasets/{dataset_id}/export-s3 uploads a dataset’s files to the bucket, under <prefix>datasets/<dataset_id>/<format>/<file name>, with a manifest.json.',
  config: {
    bucket: 'string',
    region: 'string (optional, default us-east-1)',
    endpoint: 'string (optional: the URL of an S3-compatible server)',
    prefix: 'string (optional key prefix)',
    forcePathStyle: 'boolean (optional, default true with an endpoint)',
    accessKeyId: 'string',
    secretAccessKey: 'string (stored, never shown)',
  },
};

/**
 * A provider's config checked against its schema: the first mismatch is a
 * validation error naming the field (`body.config.bucket`), a 422 here.
 */
export function checkedConfig<S extends TSchema>(schema: S, config: unknown): Static<S> {
  for (const error of Value.Errors(schema, config)) {
    if (error.keyword === 'boolean') continue;
    const params = error.params as {
      requiredProperties?: string[];
      additionalProperties?: string[];
    };
    const name =
      params.requiredProperties?.[0] ??
      params.additionalProperties?.[0] ??
      error.instancePath.slice(1).replaceAll('/', '.');
    const field = name === '' ? 'body.config' : `body.config.${name}`;
    const message =
      params.additionalProperties !== undefined
        ? 'is not a setting of this provider'
        : error.message;
    throw new HttpError('VALIDATION_FAILED', `${field} ${message}`, field);
  }
  return config as Static<S>;
}

/** A new integration's target from its config: path-style addressing by default with an endpoint. */
export function s3TargetOf(config: Static<typeof S3Config>): S3Target {
  const endpoint = config.endpoint ?? null;
  return {
    bucket: config.bucket,
    region: config.region ?? 'us-east-1',
    endpoint,
    prefix: config.prefix ?? '',
    forcePathStyle: config.forcePathStyle ?? endpoint !== null,
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
  };
}

/** An S3 integration as the facade shows it: the secret access key never. */
export function s3IntegrationView(integration: S3IntegrationView) {
  return {
    integration_id: integration.id,
    provider: 's3',
    name: integration.name,
    config: {
      bucket: integration.bucket,
      region: integration.region,
      endpoint: integration.endpoint,
      prefix: integration.prefix,
      forcePathStyle: integration.forcePathStyle,
      accessKeyId: integration.accessKeyId,
    },
    is_active: integration.active,
    created_by: integration.createdBy,
    created_at: integration.createdAt,
    updated_at: integration.updatedAt,
  };
}
