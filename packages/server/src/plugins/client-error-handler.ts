import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { ErrorBody } from '../errors/error-body.js';
import type { ResponseErrorCode } from '../errors/error-catalogue.js';
import { statusOf } from '../errors/error-catalogue.js';

/** Node's parser errors that are not a generic malformed request, by our code and message. */
const PARSER_ERRORS: Record<string, { code: ResponseErrorCode; message: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    code: 'REQUEST_TIMEOUT',
    message: 'the request did not arrive in time',
  },
  HPE_HEADER_OVERFLOW: {
    code: 'HEADERS_TOO_LARGE',
    message: 'the request headers are larger than the server accepts',
  },
};

/**
 * For fastify's `clientErrorHandler` option: a request Node's HTTP parser
 * rejects (a malformed request line or header, oversized headers, a timeout)
 * never becomes a fastify request, so it is answered here, on the socket, in
 * the catalogue's shape. Its id exists only in this answer and the log line.
 */
export function answerClientError(this: FastifyInstance, error: Error, socket: Socket): void {
  const code = (error as { code?: string }).code ?? '';
  // A reset connection has no one left to answer.
  if (code === 'ECONNRESET' || socket.destroyed) return;
  const known = Object.hasOwn(PARSER_ERRORS, code) ? PARSER_ERRORS[code] : undefined;
  const ours = known ?? {
    code: 'MALFORMED_REQUEST' as const,
    message: 'the HTTP request is malformed',
  };
  const status = statusOf(ours.code);
  const requestId = `client-${randomUUID()}`;
  this.log.debug({ err: error, requestId }, 'client error');
  const body: ErrorBody = { status, code: ours.code, message: ours.message, requestId };
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Length: ${Buffer.byteLength(text)}\r\n` +
        `Content-Type: application/json\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy(error);
}
