import type { TestRef } from '@allot/protocol';
import { AllotClientError } from './allot-client-error.js';

/** How the transport retries and times out; every field has a default in {@link AllotClient}. */
export interface TransportOptions {
  /** `http://host:port`, with any path prefix, no trailing slash. */
  baseUrl: string;
  apiKey: string;
  /** Per attempt, through `AbortSignal.timeout`. */
  timeoutMs: number;
  /** Attempts after the first, on connection errors, timeouts, 429 and 5xx. */
  retries: number;
  /** The first backoff; each retry doubles it, up to `retryMaxMs`, with jitter. */
  retryBaseMs: number;
  retryMaxMs: number;
  fetch: typeof fetch;
  /** Where retry notices go; never given the key. */
  log: (line: string) => void;
  random: () => number;
}

/** One HTTP call and how to name it in errors. */
export interface Call {
  method: 'GET' | 'POST';
  /** From the base URL on, query included. */
  path: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as a multipart form with this one file (field `file`), built afresh for each attempt. */
  file?: UploadFile;
  /** This call's per-attempt timeout, when it must outlast the default (a server-side wait). */
  timeoutMs?: number;
  /** Send the key as `Authorization: Bearer`; false when it is in the path already. */
  keyInHeader: boolean;
  /** What the call does, for messages: `reading the values of pool "shop", …`. */
  subject: string;
  /** The subject of a 404, when it means something specific (`no allocation for …`). */
  notFoundSubject?: string;
  ref?: TestRef;
}

/** A file to upload: its name (the server reads the format from its extension) and content. */
export interface UploadFile {
  name: string;
  content: string | Uint8Array<ArrayBuffer>;
}

interface ErrorBody {
  code?: unknown;
  message?: unknown;
}

/**
 * Sends a call and parses its JSON answer, retrying with exponential backoff
 * and jitter when it may succeed later: no connection, a timeout, 429 or 5xx.
 * A 4xx is the caller's mistake and is never retried.
 */
export async function send<T>(options: TransportOptions, call: Call): Promise<T> {
  const where = displayUrl(options.baseUrl);
  let attempt = 0;
  for (;;) {
    const outcome = await attemptOnce(options, call);
    if (outcome.kind === 'ok') return outcome.value as T;
    const error = toError(options, call, where, outcome, attempt);
    if (!outcome.retryable || attempt >= options.retries) throw error;
    const wait = outcome.retryAfterMs ?? backoff(options, attempt);
    options.log(
      `allot: ${call.subject} failed (${outcome.summary}); retry ${attempt + 1} of ${options.retries} in ${wait} ms`,
    );
    await sleep(wait);
    attempt += 1;
  }
}

type Outcome =
  | { kind: 'ok'; value: unknown }
  | {
      kind: 'failed';
      code: string;
      status?: number;
      detail: string;
      summary: string;
      retryable: boolean;
      retryAfterMs?: number;
      cause?: unknown;
    };

async function attemptOnce(options: TransportOptions, call: Call): Promise<Outcome> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (call.keyInHeader) headers.authorization = `Bearer ${options.apiKey}`;
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  const timeoutMs = call.timeoutMs ?? options.timeoutMs;
  let response: Response;
  let text: string;
  try {
    response = await options.fetch(options.baseUrl + call.path, {
      method: call.method,
      headers,
      ...requestBody(call),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    if (isTimeout(error)) {
      const detail = `no answer within ${timeoutMs} ms`;
      return {
        kind: 'failed',
        code: 'TIMEOUT',
        detail,
        summary: 'timeout',
        retryable: true,
        cause: error,
      };
    }
    const reason = networkReason(error);
    return {
      kind: 'failed',
      code: 'NETWORK',
      detail: `cannot connect (${reason})`,
      summary: reason,
      retryable: true,
      cause: error,
    };
  }
  const parsed = parseJson(text);
  if (response.ok) {
    if (parsed === undefined) {
      const detail = `the answer is not JSON (HTTP ${response.status}, ${text.length} bytes)`;
      return {
        kind: 'failed',
        code: 'BAD_RESPONSE',
        status: response.status,
        detail,
        summary: 'not JSON',
        retryable: false,
      };
    }
    return { kind: 'ok', value: parsed };
  }
  const body = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as ErrorBody;
  const status = response.status;
  const code = typeof body.code === 'string' ? body.code : `HTTP_${status}`;
  const message =
    typeof body.message === 'string'
      ? body.message
      : text.trim().slice(0, 300) || response.statusText;
  const retryable = status >= 500 || status === 429;
  const retryAfterMs = retryAfter(response.headers.get('retry-after'), options.retryMaxMs);
  return {
    kind: 'failed',
    code,
    status,
    detail: message,
    summary: `HTTP ${status}`,
    retryable,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}

/** The JSON body or the multipart form of a call; fetch sets the form's content type and boundary. */
function requestBody(call: Call): { body?: string | FormData } {
  if (call.file !== undefined) {
    const form = new FormData();
    form.append('file', new Blob([call.file.content]), call.file.name);
    return { body: form };
  }
  return call.body === undefined ? {} : { body: JSON.stringify(call.body) };
}

function toError(
  options: TransportOptions,
  call: Call,
  where: string,
  outcome: Extract<Outcome, { kind: 'failed' }>,
  attempt: number,
): AllotClientError {
  const subject =
    outcome.status === 404 && call.notFoundSubject !== undefined
      ? call.notFoundSubject
      : `${call.subject} failed`;
  const tries = outcome.retryable && attempt > 0 ? ` (after ${attempt + 1} attempts)` : '';
  const status = outcome.status === undefined ? '' : ` [HTTP ${outcome.status} ${outcome.code}]`;
  const message = redact(
    `${subject} at ${where}: ${outcome.detail}${status}${tries}`,
    options.apiKey,
  );
  return new AllotClientError({
    code: outcome.code,
    message,
    ...(outcome.status === undefined ? {} : { status: outcome.status }),
    ...(call.ref === undefined ? {} : { ref: call.ref }),
    ...(outcome.cause === undefined ? {} : { cause: outcome.cause }),
  });
}

/** Exponential backoff with equal jitter: half the step fixed, half random, so retries of many workers spread out. */
function backoff(options: TransportOptions, attempt: number): number {
  const step = Math.min(options.retryMaxMs, options.retryBaseMs * 2 ** attempt);
  return Math.round(step / 2 + options.random() * (step / 2));
}

function retryAfter(header: string | null, max: number): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(max, Math.round(seconds * 1000));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.min(max, Math.max(0, date - Date.now()));
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** `ECONNREFUSED`, `ECONNRESET`, …: undici hides the reason in `cause`. */
function networkReason(error: unknown): string {
  const cause =
    error instanceof Error
      ? (error.cause as { code?: unknown; message?: unknown } | undefined)
      : undefined;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/** The base URL as messages show it: no user info, no query. */
export function displayUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return baseUrl;
  }
}

/** Hides the key wherever it might have crept into a message (a server echoing the path, say). */
export function redact(text: string, apiKey: string): string {
  if (apiKey === '') return text;
  return text.replaceAll(apiKey, '***').replaceAll(encodeURIComponent(apiKey), '***');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
