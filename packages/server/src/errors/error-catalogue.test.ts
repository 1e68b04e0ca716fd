import { readFileSync } from 'node:fs';
import { AllotError, ERROR_CODES, type ErrorCode } from '@allot/core';
import { errorCodes } from 'fastify';
import { describe, expect, test } from 'vitest';
import { toErrorBody } from './error-body.js';
import {
  CORE_ERROR_STATUS,
  SERVER_ERRORS,
  statusOf,
  type ResponseErrorCode,
} from './error-catalogue.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('error catalogue', () => {
  test('every core error code has an HTTP status', () => {
    for (const code of Object.keys(ERROR_CODES)) {
      expect(CORE_ERROR_STATUS[code as ErrorCode], code).toBeGreaterThanOrEqual(400);
    }
  });

  test('every code a response can carry is documented in the README with its status', () => {
    for (const code of [...Object.keys(ERROR_CODES), ...Object.keys(SERVER_ERRORS)]) {
      const status = statusOf(code as ResponseErrorCode);
      expect(README, `README lacks ${code} (${status})`).toMatch(
        new RegExp(`\\| \`${code}\` +\\| ${status} +\\|`),
      );
    }
  });

  test('every fastify client error maps to a catalogue code, status and message of ours', () => {
    const clientErrors = Object.entries(errorCodes)
      .map(([name, FastifyErrorClass]) => ({ name, error: new FastifyErrorClass('x', 'y', 'z') }))
      .filter(({ error }) => (error.statusCode ?? 500) < 500);
    expect(clientErrors.map((e) => e.name)).toContain('FST_ERR_BAD_URL');
    for (const { name, error } of clientErrors) {
      const { body, expected } = toErrorBody(error, 'req-f');
      // Raised while the app is set up, never by a request: logged if it ever is one.
      expect(expected, name).toBe(name !== 'FST_ERR_CTP_INSTANCE_ALREADY_STARTED');
      expect(body.code, name).not.toMatch(/^FST_/);
      expect(body.status, name).toBe(statusOf(body.code));
      expect(body.message, name).not.toBe(error.message);
    }
  });

  test('a core error keeps its message and field; a store failure does not leak its text', () => {
    const invalid = toErrorBody(
      new AllotError('INVALID_INPUT', 'bad block name', { field: 'block' }),
      'req-1',
    );
    expect(invalid).toEqual({
      expected: true,
      body: {
        status: 400,
        code: 'INVALID_INPUT',
        message: 'bad block name',
        requestId: 'req-1',
        field: 'block',
      },
    });
    const failure = toErrorBody(
      new AllotError('STORE_FAILURE', 'EACCES /var/lib/allot/store.json'),
      'req-2',
    );
    expect(failure.expected).toBe(false);
    expect(failure.body.status).toBe(503);
    expect(failure.body.message).not.toContain('/var/lib');
  });

  test('an unknown error is a 500 with a generic message', () => {
    const { body, expected } = toErrorBody(
      new TypeError('cannot read properties of undefined (secret stuff)'),
      'req-3',
    );
    expect(expected).toBe(false);
    expect(body).toEqual({
      status: 500,
      code: 'INTERNAL',
      message: expect.not.stringContaining('secret') as string,
      requestId: 'req-3',
    });
  });
});
