import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StartServerOptions } from '../options.js';
import { startServer, type RunningServer } from '../start-server.js';
import { httpCaller, type CallResult } from './http-caller.js';

/** The password every user of {@link startTdmpServer} gets. */
export const TDMP_TEST_PASSWORD = 'correct horse battery';

/** A real server on a free port, with helpers to make users and log them in through TDMP. */
export interface TdmpTestServer {
  server: RunningServer;
  url: string;
  /** The bootstrap admin key of the default workspace (allot's API only). */
  adminKey: string;
  call: ReturnType<typeof httpCaller>;
  /** Creates a user of a role (`tester`, `manager`, `admin`; `superUser` for a SuperUser) with {@link TDMP_TEST_PASSWORD}. */
  userWithPassword(id: string, role: string, extra?: object): Promise<void>;
  /** `POST /users/token` with a form body. */
  login(username: string, password?: string, extra?: Record<string, string>): Promise<CallResult>;
  /** A token of a user, logged in through TDMP. */
  tokenOf(username: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts `allot serve` in-process on an embedded store in a temporary directory. */
export async function startTdmpServer(
  options: Partial<StartServerOptions> = {},
): Promise<TdmpTestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'allot-tdmp-'));
  const server = await startServer({
    dataDir: dir,
    port: 0,
    logLevel: 'silent',
    handleSignals: false,
    print: () => undefined,
    rateLimit: false,
    ...options,
  });
  const adminKey = server.adminKey ?? '';
  const call = httpCaller(server.url);
  const login = async (username: string, password = TDMP_TEST_PASSWORD, extra = {}) => {
    const response = await fetch(`${server.url}/users/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password, ...extra }).toString(),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: the text is the body
    }
    return { status: response.status, headers: response.headers, body, text };
  };
  return {
    server,
    url: server.url,
    adminKey,
    call,
    async userWithPassword(id, role, extra = {}) {
      const created = await call('POST', '/api/v1/users', {
        auth: adminKey,
        body: { id, name: id, email: `${id}@example.test`, role, ...extra },
      });
      if (created.status !== 201) throw new Error(`user ${id}: ${created.text}`);
      const invited = await call('POST', `/api/v1/users/${id}/invitation`, {
        auth: adminKey,
        body: {},
      });
      if (invited.status !== 201) throw new Error(`invitation ${id}: ${invited.text}`);
      const accepted = await call('POST', `/api/v1/invitations/${invited.body.token}`, {
        body: { password: TDMP_TEST_PASSWORD },
      });
      if (accepted.status !== 200) throw new Error(`password ${id}: ${accepted.text}`);
    },
    login,
    async tokenOf(username) {
      const response = await login(username);
      if (response.status !== 200) throw new Error(`login ${username}: ${response.text}`);
      return (response.body as { access_token: string }).access_token;
    },
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
