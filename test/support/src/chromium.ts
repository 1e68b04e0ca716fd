import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import chromium from '@sparticuz/chromium';

/** How the tests' Playwright projects launch Chromium (`use.launchOptions`). */
export interface TestChromium {
  executablePath: string;
  args: string[];
  /** `system` is Debian's `/usr/bin/chromium`; `npm` the one `@sparticuz/chromium` ships. */
  source: 'system' | 'npm';
}

/** Debian's Chromium, the first choice where it is installed. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

const SYSTEM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * The Chromium the browser tests drive: Debian's where installed, otherwise
 * the one shipped in the `@sparticuz/chromium` npm package, unpacked once into
 * a cache directory of the temporary directory (about 5 s the first time).
 * Playwright cannot download its own browsers on the machines the suite runs on.
 */
export async function testChromium(): Promise<TestChromium> {
  if (existsSync(SYSTEM_CHROMIUM)) {
    return { executablePath: SYSTEM_CHROMIUM, args: SYSTEM_ARGS, source: 'system' };
  }
  return npmChromium();
}

/**
 * The Chromium of `@sparticuz/chromium`, unpacked once per version and user
 * into the temporary directory; `testChromium` falls back to it.
 */
export async function npmChromium(): Promise<TestChromium> {
  return { executablePath: await unpackedChromium(), args: chromium.args, source: 'npm' };
}

/**
 * `@sparticuz/chromium` unpacks into `os.tmpdir()` and takes any `chromium`
 * file already there as done, even one half-written by a concurrent unpack or
 * left by another version or user. So it unpacks here into a fresh directory
 * of its own, renamed into place only when whole; a concurrent unpack that
 * loses the rename finds the winner's.
 */
async function unpackedChromium(): Promise<string> {
  const cache = join(
    tmpdir(),
    `allot-chromium-${await packageVersion()}-${process.getuid?.() ?? 0}`,
  );
  const executable = join(cache, 'chromium');
  if (existsSync(executable)) return executable;
  const staging = `${cache}.${process.pid}-${Date.now()}`;
  await mkdir(staging, { recursive: true });
  const previous = process.env['TMPDIR'];
  process.env['TMPDIR'] = staging;
  try {
    await chromium.executablePath();
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
  }
  try {
    await rename(staging, cache);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(executable)) throw error;
  }
  return executable;
}

async function packageVersion(): Promise<string> {
  // The package exports no package.json; its entry is build/cjs/index.cjs.
  const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  const file = join(dirname(dirname(dirname(entry))), 'package.json');
  return (JSON.parse(await readFile(file, 'utf8')) as { version: string }).version;
}
