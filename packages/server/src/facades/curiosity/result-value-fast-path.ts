import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Store, TestRef } from '@allot/core';
import type { FastifyBaseLogger } from 'fastify';
import type { KnownKeys } from '../../auth/known-keys.js';
import { roleAllows } from '../../auth/roles.js';
import type { RateLimiter } from '../../plugins/rate-limit.js';
import type { EarlyAnswer } from '../../plugins/early-answer-server.js';
import { RESULT_VALUE_TYPE, resultValueJson } from './result-value-json.js';

const PREFIX = '/api/apikey/';
const SUFFIX = '/result/value';
/** The longest name the route's schema accepts (`Name` of the protocol). */
const MAX_NAME = 500;

/** What the fast path needs of the app it answers for. */
export interface ResultValueFastPathOptions {
  store: Store;
  /** The keys the authentication hook remembers: the fast path knows no key it has not checked. */
  keys: KnownKeys;
  limiter: RateLimiter | undefined;
  /** The app's logger (pino): a request it answers is logged as fastify logs one. */
  log: FastifyBaseLogger & { isLevelEnabled(level: string): boolean };
  /** The app's request ids, so the ids of logged requests stay one sequence. */
  genReqId: () => string;
  /** Behind a proxy the logged address comes from its headers: logged requests go to fastify. */
  trustProxy: boolean;
}

/** A read the fast path may answer: the presented key and the test. */
interface ValueRead {
  key: string;
  ref: TestRef;
}

/**
 * Answers the successful reads of `GET /api/apikey/{key}/allocation-pool/
 * {pool}/suite/{suite}/allocated-test/{test}/result/value` before fastify
 * routes them. Suites call it once per test, in every worker: routing the
 * long `%`-encoded path, the request and reply objects, the hooks and the
 * promise steps of fastify cost more than the read itself.
 *
 * It answers only what the route would answer with 200, with the same
 * reads: a key the authentication hook has already checked, whose record,
 * read now, still grants what was checked (so a revocation, rotation or
 * change of role on any replica counts on the next request), and the result
 * read now. It counts the request against the key's rate limit, and logs it
 * as fastify would. Anything else (an unknown key, a missing result, a
 * query string, another method, a workspace header, a body, a closing
 * server, a limit reached) resolves false having written nothing, and
 * fastify answers the request in full, with its errors.
 */
export class ResultValueFastPath implements EarlyAnswer {
  readonly #options: ResultValueFastPathOptions;
  #closing = false;
  #answered = 0;

  constructor(options: ResultValueFastPathOptions) {
    this.#options = options;
  }

  /** How many requests it has answered. */
  get answered(): number {
    return this.#answered;
  }

  /** From now on every request goes to fastify, which answers 503 while it closes. */
  close(): void {
    this.#closing = true;
  }

  answer(request: IncomingMessage, response: ServerResponse): Promise<boolean> | false {
    const read = this.#readOf(request);
    return read === undefined ? false : this.#answer(request, response, read);
  }

  async #answer(
    request: IncomingMessage,
    response: ServerResponse,
    read: ValueRead,
  ): Promise<boolean> {
    const { store, keys, limiter } = this.#options;
    // As fastify times a request: from its start, not from the answer.
    const started = this.#logsRequests() ? performance.now() : undefined;
    const known = keys.get(read.key);
    if (known === undefined || !roleAllows(known.caller.role, 'viewer')) return false;
    if (!keys.stillGrants(read.key, known, await store.findApiKey(known.id))) return false;
    const result = await store.getResult(known.caller.workspace, read.ref);
    if (result === undefined || this.#closing) return false;
    // Counted only now: a request handed to fastify before this is counted there, once (one over
    // the limit is counted there again, which changes nothing: the window is already spent).
    if (limiter !== undefined && limiter.take(known.bucket) !== 0) return false;
    const json = resultValueJson(result);
    this.#answered++;
    if (started !== undefined) this.#log(request, response, started);
    response.writeHead(200, {
      'content-type': RESULT_VALUE_TYPE,
      'content-length': Buffer.byteLength(json),
    });
    response.end(json);
    return true;
  }

  /** The read a request asks for, when it is one the fast path may answer. */
  #readOf(request: IncomingMessage): ValueRead | undefined {
    const url = request.url;
    if (
      this.#closing ||
      request.method !== 'GET' ||
      url === undefined ||
      !url.startsWith(PREFIX) ||
      !url.endsWith(SUFFIX)
    )
      return undefined;
    const headers = request.headers;
    if (
      headers['x-allot-workspace'] !== undefined ||
      headers['content-length'] !== undefined ||
      headers['transfer-encoding'] !== undefined
    )
      return undefined;
    if (this.#options.trustProxy && this.#logsRequests()) return undefined;
    // key, 'allocation-pool', pool, 'suite', suite, 'allocated-test', test
    const parts = url.slice(PREFIX.length, url.length - SUFFIX.length).split('/');
    if (
      parts.length !== 7 ||
      parts[1] !== 'allocation-pool' ||
      parts[3] !== 'suite' ||
      parts[5] !== 'allocated-test'
    )
      return undefined;
    // A query string or fragment would end the last name; fastify parses those.
    if (url.includes('?') || url.includes('#')) return undefined;
    try {
      const key = decoded(parts[0] as string);
      const pool = decoded(parts[2] as string);
      const suite = decoded(parts[4] as string);
      const test = decoded(parts[6] as string);
      if (key === '' || !isName(pool) || !isName(suite) || !isName(test)) return undefined;
      return { key, ref: { pool, suite, test } };
    } catch {
      // A malformed %-escape: fastify answers it.
      return undefined;
    }
  }

  #logsRequests(): boolean {
    return this.#options.log.isLevelEnabled('info');
  }

  /** The two lines fastify logs for a request, with the same serializers and request id. */
  #log(request: IncomingMessage, response: ServerResponse, started: number): void {
    const log = this.#options.log.child({ reqId: this.#options.genReqId() });
    const req = { method: request.method, url: request.url, ip: request.socket.remoteAddress };
    log.info({ req }, 'incoming request');
    response.once('finish', () => {
      const res = { statusCode: response.statusCode };
      log.info({ res, responseTime: performance.now() - started }, 'request completed');
    });
  }
}

/** A path segment decoded as fastify decodes a parameter; a key or plain name is left as it is. */
function decoded(segment: string): string {
  return segment.includes('%') ? decodeURIComponent(segment) : segment;
}

function isName(name: string): boolean {
  return name.length > 0 && name.length <= MAX_NAME;
}
