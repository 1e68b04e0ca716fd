import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { delimiter } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pythonWithRequests, REQUESTS_STAND_IN } from './python-requests.js';

const run = promisify(execFile);

/** What the stand-in sends, echoed back as JSON; 404 for /missing. */
function echoServer(): Promise<Server> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const status = request.url === '/missing' ? 404 : 201;
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          method: request.method,
          url: request.url,
          type: request.headers['content-type'] ?? null,
          auth: request.headers.authorization ?? null,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const PROGRAM = `import sys, requests
base = sys.argv[1]
auth = {"Authorization": "Bearer t"}
r = requests.post(f"{base}/datasets/create", headers=auth, json={"n": 1})
print(r.status_code, r.ok, r.json()["method"], r.json()["type"], r.json()["auth"], r.json()["body"])
r = requests.get(f"{base}/datasets", params={"project_id": 5}, headers=auth)
print(r.status_code, r.json()["url"])
r = requests.post(f"{base}/users/token", data={"username": "a b", "password": "p"})
print(r.json()["type"], r.json()["body"])
r = requests.get(f"{base}/missing")
print(r.status_code, r.ok)
try:
    r.raise_for_status()
except requests.HTTPError as error:
    print("HTTPError", error.response.status_code)
`;

describe('pythonWithRequests', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = await echoServer();
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('gives the stand-in where requests cannot be imported (-S hides site-packages), and it speaks HTTP as requests does', async () => {
    const python = await pythonWithRequests({ args: ['-S'] });
    expect(python.standIn).toBe(true);
    expect(python.env.PYTHONPATH?.split(delimiter)[0]).toBe(REQUESTS_STAND_IN);
    const { stdout } = await run(python.command, [...python.args, '-c', PROGRAM, base], {
      env: python.env,
    });
    expect(stdout.split('\n')).toEqual([
      '201 True POST application/json Bearer t {"n": 1}',
      '201 /datasets?project_id=5',
      'application/x-www-form-urlencoded username=a+b&password=p',
      '404 False',
      'HTTPError 404',
      '',
    ]);
  });

  it('leaves an interpreter that imports requests as it is', async () => {
    const fake = await pythonWithRequests({
      args: ['-S'],
      env: { ...process.env, PYTHONPATH: REQUESTS_STAND_IN },
    });
    expect(fake.standIn).toBe(false);
    expect(fake.env.PYTHONPATH).toBe(REQUESTS_STAND_IN);
  });
});
