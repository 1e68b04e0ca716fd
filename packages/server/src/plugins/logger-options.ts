import type { FastifyRequest } from 'fastify';
import type { LogLevel, LogStream } from '../options.js';
import { redactUrl } from './redact-url.js';

/**
 * Options of the request log: the request serializer redacts keys in URLs and
 * never logs headers, where `Authorization` and `x-api-key` travel.
 */
export function loggerOptions(level: LogLevel, stream: LogStream | undefined) {
  const serializers = {
    req: (request: FastifyRequest) => ({
      method: request.method,
      url: redactUrl(request.url),
      remoteAddress: request.ip,
    }),
  };
  return stream === undefined ? { level, serializers } : { level, serializers, stream };
}
