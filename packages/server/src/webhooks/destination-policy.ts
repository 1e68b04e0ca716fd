import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { AllotError, checkWebhookUrl } from '@allot/core';

/**
 * Addresses a webhook may not reach unless the server allows it: loopback,
 * private (RFC 1918, unique local), link-local (cloud metadata lives at
 * 169.254.169.254), carrier-grade NAT, "this network" and unspecified.
 * Otherwise anyone with an admin key could make the server call its own
 * internal services.
 */
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}

/** True for an address a webhook may not reach by default (IPv4-mapped IPv6 judged as IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] !== undefined) return BLOCKED.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function refused(host: string, address: string): AllotError {
  return new AllotError(
    'INVALID_INPUT',
    `url leads to ${host === address ? address : `${host} (${address})`}, a loopback, private or link-local address; the server does not call those unless started with --allow-private-webhooks`,
    { field: 'url' },
  );
}

/** The host of a URL as DNS and `isIP` want it (IPv6 literals without brackets). */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function resolveAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(host, { all: true }, (error, addresses) => {
      if (error) reject(error);
      else resolve(addresses);
    });
  });
}

/**
 * Checks where a webhook URL leads when it is created or changed: it must
 * resolve, and no address it resolves to may be private unless allowed.
 * Throws INVALID_INPUT naming `url`.
 */
export async function checkDestination(url: string, allowPrivate: boolean): Promise<void> {
  const host = hostOf(checkWebhookUrl(url));
  let addresses: LookupAddress[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolveAll(host);
  } catch {
    throw new AllotError('INVALID_INPUT', `url's host ${host} does not resolve`, { field: 'url' });
  }
  if (allowPrivate) return;
  const blocked = addresses.find((entry) => isPrivateAddress(entry.address));
  if (blocked) throw refused(host, blocked.address);
}

/**
 * The DNS lookup a delivery connects through: it checks the very addresses
 * the socket will use, so a name that resolved to a public address when the
 * webhook was made and to a private one now (DNS rebinding) is refused.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      const blocked = allowPrivate
        ? undefined
        : addresses.find((entry) => isPrivateAddress(entry.address));
      if (blocked) {
        callback(refused(hostname, blocked.address), '', 0);
        return;
      }
      if (options.all === true) {
        (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
        return;
      }
      const first = addresses[0];
      if (first === undefined) callback(new Error(`${hostname} has no address`), '', 0);
      else callback(null, first.address, first.family);
    });
  };
}

/** Refuses a literal IP that the guarded lookup never sees (Node connects to literals directly). */
export function checkLiteralHost(url: URL, allowPrivate: boolean): void {
  const host = hostOf(url);
  if (!allowPrivate && isIP(host) !== 0 && isPrivateAddress(host)) throw refused(host, host);
}
