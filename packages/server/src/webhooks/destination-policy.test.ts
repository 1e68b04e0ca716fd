import { describe, expect, it } from 'vitest';
import { checkDestination, isPrivateAddress } from './destination-policy.js';

describe('webhook destination policy', () => {
  it('takes loopback, private, link-local and mapped addresses for private', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8']) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it('refuses URLs that lead to private addresses, naming url, unless allowed', async () => {
    for (const url of [
      'http://127.0.0.1:9/hook',
      'http://localhost:9/hook',
      'http://[::1]:9/hook',
      'http://169.254.169.254/latest/meta-data',
    ]) {
      await expect(checkDestination(url, false), url).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        details: { field: 'url' },
      });
      await expect(checkDestination(url, true), url).resolves.toBeUndefined();
    }
  });

  it('refuses what is not an http(s) URL', async () => {
    for (const url of ['ftp://example.com/', 'not a url', 'http://user:pw@example.com/']) {
      await expect(checkDestination(url, true), url).rejects.toMatchObject({
        details: { field: 'url' },
      });
    }
  });
});
