import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTdmpServer,
  TDMP_TEST_PASSWORD,
  type TdmpTestServer,
} from '../../testing/tdmp-test-server.js';
import { jqOnPath, type JqOnPath } from '../../testing/jq-on-path.js';

const run = promisify(execFile);

/** The reference's base URL: the only thing, with the credentials, that the replay changes. */
const REFERENCE_BASE = 'http://localhost:8010';

/**
 * The reference's own example requests, in its order, run by bash with
 * curl and jq against a real server on a port. Each script is the
 * reference's text; the replay swaps in the server's URL and real
 * credentials. Their jq is jq-wasm's, first on PATH on every machine
 * (`jqOnPath`). The CI script and the Python example create datasets and
 * are replayed where datasets are served.
 */
describe('the TDMP reference examples, replayed with curl against allot', () => {
  let t: TdmpTestServer;
  let jq: JqOnPath;
  let token = '';
  const bash = async (script: string, env: Record<string, string> = {}) => {
    const { stdout } = await run('bash', ['-c', script.replaceAll(REFERENCE_BASE, t.url)], {
      env: jq.env(env),
    });
    return stdout;
  };

  beforeAll(async () => {
    jq = await jqOnPath();
    t = await startTdmpServer();
    await t.userWithPassword('ci-admin', 'admin');
    // The example adds the user with id 42 to a project: a user of that id, as allot names users.
    await t.userWithPassword('42', 'tester');
  });
  afterAll(async () => {
    await t.close();
    await jq.close();
  });

  it('Step 1: obtains a token with a form-encoded login', async () => {
    const out = await bash(
      `curl -X POST http://localhost:8010/users/token \\
-H "Content-Type: application/x-www-form-urlencoded" \\
-d "username=your-username&password=your-password"`.replace(
        'username=your-username&password=your-password',
        `username=ci-admin&password=${encodeURIComponent(TDMP_TEST_PASSWORD)}`,
      ),
    );
    const body = JSON.parse(out) as { access_token: string; token_type: string };
    expect(body).toEqual({ access_token: expect.any(String), token_type: 'bearer' });
    token = body.access_token;
    // "Tokens expire after 24 hours by default."
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
      iat: number;
      exp: number;
    };
    expect(claims.exp - claims.iat).toBe(24 * 3600);
  });

  it('Step 2: uses the token: /users/me returns id, username, role, tenant_id, projects', async () => {
    const out = await bash(
      `curl http://localhost:8010/users/me \\
-H "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9..."`.replace(
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...',
        token,
      ),
    );
    expect(JSON.parse(out)).toMatchObject({
      id: 'ci-admin',
      username: 'ci-admin',
      role: 'Admin',
      tenant_id: 'default',
      projects: [],
    });
  });

  it('Request format: the example POST creates a project and answers as the example response', async () => {
    const out = await bash(
      `curl -X POST http://localhost:8010/projects/create \\
-H "Authorization: Bearer <token>" \\
-H "Content-Type: application/json" \\
-d '{
"name": "My Test Project",
"description": "Automated testing project"
}'`.replace('<token>', token),
    );
    const project = JSON.parse(out) as Record<string, unknown>;
    expect(project).toMatchObject({
      project_id: expect.any(Number),
      name: 'My Test Project',
      description: 'Automated testing project',
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/),
    });
  });

  it('Example error response: {"detail": "Project not found"}', async () => {
    const out = await bash(
      `curl -s -w '\\n%{http_code}' http://localhost:8010/projects/999 -H "Authorization: Bearer $TOKEN"`,
      { TOKEN: token },
    );
    const [body, status] = out.trim().split('\n');
    expect(status).toBe('404');
    expect(JSON.parse(body ?? '')).toEqual({ detail: 'Project not found' });
  });

  it('Creating and managing projects: create, add a member, link a schema', async () => {
    // The reference's script, with the one character it lacks: the line continuation after the
    // Authorization header (without it, bash runs the Content-Type line as a command of its own).
    const script = `# Create project
PROJECT_ID=$(curl -X POST http://localhost:8010/projects/create \\
-H "Authorization: Bearer $TOKEN" \\
-H "Content-Type: application/json" \\
-d '{
"name": "Mobile App Testing",
"description": "Test data for mobile app regression suite"
}' | jq -r '.project_id')

# Add team members
curl -X POST http://localhost:8010/projects/$PROJECT_ID/add-user \\
-H "Authorization: Bearer $TOKEN" \\
-H "Content-Type: application/json" \\
-d '{"user_id": 42, "role": "edit"}'

# Link schema to project
curl -X POST http://localhost:8010/projects/$PROJECT_ID/add-schema \\
-H "Authorization: Bearer $TOKEN" \\
-H "Content-Type: application/json" \\
-d '{"schema_id": 15}'

echo
echo "PROJECT_ID=$PROJECT_ID"
echo "JQ=$(command -v jq)"`;
    const out = await bash(script, { TOKEN: token });
    // The script's jq is the launcher, whatever jq the machine has.
    expect(out).toContain(`JQ=${jq.launcher}\n`);
    const id = /PROJECT_ID=(\d+)/.exec(out)?.[1];
    expect(id).toBeDefined();
    const details = await t.call('GET', `/projects/${id}`, { auth: token });
    expect(details.status, details.text).toBe(200);
    expect(details.body).toMatchObject({
      name: 'Mobile App Testing',
      description: 'Test data for mobile app regression suite',
      members: [{ user_id: '42', role: 'edit' }],
      schemas: [{ schema_id: '15' }],
    });
    // The member sees it among their projects.
    const member = await t.tokenOf('42');
    const mine = await t.call('GET', '/users/me', { auth: member });
    expect(mine.body.projects).toEqual([
      { project_id: Number(id), name: 'Mobile App Testing', role: 'edit' },
    ]);
    // project.created is recorded with the project, as the webhook event the reference lists.
    const events = await t.call('GET', `/audit/logs?action=project.created&project_id=${id}`, {
      auth: token,
    });
    expect(events.body).toHaveLength(1);
  });

  it('Troubleshooting: 401 for a missing or logged-out token, 403 for a Tester deleting a project', async () => {
    const tester = await t.tokenOf('42');
    const out = await bash(
      `curl -s -o /dev/null -w '%{http_code}' -X DELETE http://localhost:8010/projects/1 -H "Authorization: Bearer $TOKEN"
echo
curl -s -o /dev/null -w '%{http_code}' http://localhost:8010/users/me
echo
curl -s http://localhost:8010/users/logout -H "Authorization: Bearer $TOKEN" >/dev/null
curl -s -o /dev/null -w '%{http_code}' http://localhost:8010/users/me -H "Authorization: Bearer $TOKEN"`,
      { TOKEN: tester },
    );
    expect(out.trim().split('\n')).toEqual(['403', '401', '401']);
  });
});
