import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { contextOf } from '../app-context.js';

/**
 * Lets the routes of one plugin read multipart uploads (`-F file=@…`).
 * Registered only where a route reads an upload, not on the whole API:
 * `@fastify/multipart` adds an `onRequest` and an `onResponse` hook to every
 * route of the scope it joins, a cost the read routes that suites call once
 * per test should not pay.
 */
export async function installMultipart(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: contextOf(app).uploadLimit, files: 1, fields: 20, parts: 21 },
  });
}
