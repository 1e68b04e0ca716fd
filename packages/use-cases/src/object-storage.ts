/**
 * Where an S3 integration writes: a bucket of AWS S3 or of an S3-compatible
 * server (MinIO, Ceph, R2 …, by `endpoint`), with the credentials to write it.
 */
export interface S3Target {
  bucket: string;
  /** The signing region; S3-compatible servers mostly take any (`us-east-1`). */
  region: string;
  /** The server's URL for an S3-compatible server; null for AWS S3 itself. */
  endpoint: string | null;
  /** Prepended to every key: empty, or ending in `/`. */
  prefix: string;
  /** `https://host/bucket/key` instead of `https://bucket.host/key`. */
  forcePathStyle: boolean;
  accessKeyId: string;
  secretAccessKey: string;
}

/** One object to write, its bytes streamed. */
export interface ObjectUpload {
  key: string;
  body: AsyncIterable<Buffer>;
  /** Its size in bytes, when known up front. */
  length: number;
  contentType: string;
}

/**
 * The port the S3 use cases write through; the server implements it with
 * the AWS SDK. Every failure to reach or write the bucket is an
 * `INTEGRATION_FAILED` AllotError whose message says what the bucket answered.
 */
export interface ObjectStorage {
  /** Checks that the bucket exists and these credentials reach it; writes nothing. */
  check(target: S3Target): Promise<void>;
  /** Writes one object, in parts (multipart upload) when it is large. */
  upload(target: S3Target, object: ObjectUpload): Promise<void>;
}
