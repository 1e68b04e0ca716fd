import { HeadBucketCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import { AllotError } from '@allot/core';
import type { ObjectStorage, ObjectUpload, S3Target } from '@allot/use-cases';

/** Parts of a multipart upload: S3's least is 5 MiB; two in flight keep memory near 10 MiB. */
const PART_SIZE = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

/** Timeouts of a connection and of a request's silence; a `check` must fail fast. */
const CONNECT_MS = 5_000;
const IDLE_MS = 60_000;

function clientOf(target: S3Target, attempts: number): S3Client {
  const client = new S3Client({
    region: target.region,
    ...(target.endpoint === null ? {} : { endpoint: target.endpoint }),
    forcePathStyle: target.forcePathStyle,
    credentials: { accessKeyId: target.accessKeyId, secretAccessKey: target.secretAccessKey },
    maxAttempts: attempts,
    requestHandler: { connectionTimeout: CONNECT_MS, requestTimeout: IDLE_MS },
    // The SDK's default since 2025 adds CRC32 trailers in aws-chunked bodies, which many
    // S3-compatible servers do not read; S3 itself takes the body's SHA-256 just as well.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  if (target.forcePathStyle) {
    // Path-style bucket requests go as `/bucket`, as SDK v2 and most S3 tools send them:
    // v3 sends `/bucket/`, and S3-compatible servers that sign the path without it refuse that.
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { path?: string };
        if (typeof request.path === 'string' && /^\/[^/]+\/$/.test(request.path))
          request.path = request.path.slice(0, -1);
        return next(args);
      },
      { step: 'build', name: 'allotBucketPathWithoutSlash', priority: 'low' },
    );
  }
  return client;
}

/** Where a target is, for messages: never its credentials. */
function placeOf(target: S3Target): string {
  return `bucket "${target.bucket}"${target.endpoint === null ? '' : ` at ${target.endpoint}`}`;
}

/** An SDK or network failure as `INTEGRATION_FAILED`, saying what the bucket (or the network) answered. */
function failure(target: S3Target, doing: string, error: unknown): AllotError {
  let reason: string;
  if (error instanceof S3ServiceException) {
    const status = error.$metadata.httpStatusCode;
    reason =
      status === 404
        ? 'the bucket does not exist'
        : status === 403
          ? 'access denied: check the access key, secret and bucket policy'
          : `${error.name}${status === undefined ? '' : ` (HTTP ${status})`}`;
  } else {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    reason = `cannot reach the endpoint (${code ?? message})`;
  }
  return new AllotError('INTEGRATION_FAILED', `S3 ${placeOf(target)}: ${doing}: ${reason}`, {
    field: 'integration',
  });
}

/**
 * The {@link ObjectStorage} of the S3 integrations, over the AWS SDK v3: one
 * client per call (targets differ per workspace), multipart uploads for
 * large files through `@aws-sdk/lib-storage`.
 */
export class S3ObjectStorage implements ObjectStorage {
  async check(target: S3Target): Promise<void> {
    const client = clientOf(target, 2);
    try {
      await client.send(new HeadBucketCommand({ Bucket: target.bucket }));
    } catch (error) {
      throw failure(target, 'checking the bucket', error);
    } finally {
      client.destroy();
    }
  }

  async upload(target: S3Target, object: ObjectUpload): Promise<void> {
    const client = clientOf(target, 3);
    try {
      const upload = new Upload({
        client,
        params: {
          Bucket: target.bucket,
          Key: object.key,
          Body: Readable.from(object.body),
          ContentType: object.contentType,
        },
        partSize: PART_SIZE,
        queueSize: PARTS_IN_FLIGHT,
        // A failed multipart upload is aborted, so no half object and no parts are left behind.
        leavePartsOnError: false,
      });
      await upload.done();
    } catch (error) {
      throw failure(target, `uploading ${object.key}`, error);
    } finally {
      client.destroy();
    }
  }
}
