import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { describeTest, type TestRef } from '@allot/client';
import { findPlaceholders, refKey, rewriteLine } from './placeholders.js';
import { resolveRows, type PlaceholderSource } from './resolve-rows.js';

/** Options of {@link prepareFeatures}. */
export interface PrepareOptions {
  /** Feature files, or directories searched for `*.feature`. */
  features: readonly string[];
  /** Where the rewritten copies go, keeping their paths relative to `baseDir`. */
  outDir: string;
  /** Default the current directory. */
  baseDir?: string;
  source: PlaceholderSource;
  /** Embedded source only: also write the job's results file here. */
  resultsOut?: string;
}

/** What {@link prepareFeatures} did. */
export interface PrepareReport {
  /** Rewritten files, relative to the output directory. */
  files: string[];
  placeholders: number;
  tests: TestRef[];
  jobId: number | null;
}

/** Thrown when tests named by placeholders got no data; lists each with its reason and first location. */
export class PrepareError extends Error {
  override readonly name = 'PrepareError';
}

/**
 * The vendor's pre-processing step: collects every `@Data(…)` and
 * `@DataTable(…)` placeholder of all feature files, allocates their tests as
 * ONE bundle, and writes copies of the files with the values filled in (every
 * feature file is copied, with or without placeholders, so the output
 * directory is the whole suite). The source files are never changed.
 */
export async function prepareFeatures(options: PrepareOptions): Promise<PrepareReport> {
  const baseDir = resolve(options.baseDir ?? '.');
  const files = await featureFiles(options.features);
  const sources = new Map<string, string>();
  const refs = new Map<string, TestRef>();
  const firstSeen = new Map<string, string>();
  let placeholders = 0;
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    sources.set(file, text);
    text.split('\n').forEach((line, index) => {
      let found;
      try {
        found = findPlaceholders(line);
      } catch (error) {
        throw new PrepareError(
          `${relative(process.cwd(), file)}:${index + 1}: ${(error as Error).message}`,
        );
      }
      for (const p of found) {
        placeholders += 1;
        const key = refKey(p.ref);
        if (!refs.has(key)) {
          refs.set(key, p.ref);
          firstSeen.set(key, `${relative(process.cwd(), file)}:${index + 1}`);
        }
      }
    });
  }
  const tests = [...refs.values()];
  const resolved =
    tests.length === 0
      ? { jobId: null, rows: new Map(), failures: [] }
      : await resolveRows(tests, options.source, refKey, options.resultsOut);
  if (resolved.failures.length > 0) {
    const lines = resolved.failures.map(
      (f) =>
        `  ${describeTest(f.ref)} (first used at ${firstSeen.get(refKey(f.ref)) ?? '?'}): ${f.reason}`,
    );
    throw new PrepareError(
      `${resolved.failures.length} of ${tests.length} test(s) named by placeholders got no data:\n${lines.join('\n')}`,
    );
  }
  const written: string[] = [];
  for (const [file, text] of sources) {
    const target = relative(baseDir, file);
    if (target.startsWith('..') || isAbsolute(target))
      throw new PrepareError(`${file} is outside the base directory ${baseDir} (set --base)`);
    const out = text.split('\n').flatMap((line, index) => {
      try {
        return rewriteLine(line, resolved.rows);
      } catch (error) {
        throw new PrepareError(
          `${relative(process.cwd(), file)}:${index + 1}: ${(error as Error).message}`,
        );
      }
    });
    const path = join(resolve(options.outDir), target);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, out.join('\n'), 'utf8');
    written.push(target);
  }
  return { files: written, placeholders, tests, jobId: resolved.jobId };
}

async function featureFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const full = resolve(path);
    const info = await stat(full).catch(() => undefined);
    if (info === undefined) throw new PrepareError(`${path} does not exist`);
    if (info.isDirectory()) {
      const entries = await readdir(full, { recursive: true, withFileTypes: true });
      for (const entry of entries) {
        if (entry.isFile() && entry.name.endsWith('.feature'))
          files.push(join(entry.parentPath, entry.name));
      }
    } else files.push(full);
  }
  return [...new Set(files)].sort();
}
