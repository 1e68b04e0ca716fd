import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

describe('the dashboard at /ui', () => {
  let t: TestApp | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await t?.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  test('serves the built assets with a strict CSP and no key', async () => {
    dir = await mkdtemp(join(tmpdir(), 'allot-ui-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>allot</title>');
    await writeFile(join(dir, 'assets', 'app-1234.js'), 'export {};');
    t = await createTestApp({ dashboard: `${dir}/` });
    const redirect = await t.app.inject({ method: 'GET', url: '/ui' });
    expect(redirect.statusCode).toBe(302);
    expect(redirect.headers.location).toBe('/ui/');
    const page = await t.app.inject({ method: 'GET', url: '/ui/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>allot</title>');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers['cache-control']).toBe('no-cache');
    const asset = await t.app.inject({ method: 'GET', url: '/ui/assets/app-1234.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(asset.headers['content-security-policy']).toBe(csp);
    expect((await t.app.inject({ method: 'GET', url: '/ui/missing.js' })).statusCode).toBe(404);
  });

  test('without the dashboard, /ui says so and the API still answers', async () => {
    t = await createTestApp({ dashboard: false });
    const page = await t.app.inject({ method: 'GET', url: '/ui/' });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('dashboard is not installed');
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});
