import { glob } from 'tinyglobby';

/**
 * The files matching glob patterns, relative to `cwd`, sorted and without
 * repeats; node_modules is never searched. Fails naming every pattern that
 * matched nothing, since a typo there would silently shrink the job.
 */
export async function expandGlobs(
  input: string,
  patterns: readonly string[],
  cwd: string,
): Promise<string[]> {
  const files = new Set<string>();
  const empty: string[] = [];
  for (const pattern of patterns) {
    const matches = await glob(pattern, {
      cwd,
      absolute: true,
      onlyFiles: true,
      ignore: ['**/node_modules/**'],
      expandDirectories: false,
    });
    if (matches.length === 0) empty.push(pattern);
    for (const match of matches) files.add(match);
  }
  if (empty.length > 0)
    throw new Error(
      `input ${input}: no file matches ${empty.map((p) => JSON.stringify(p)).join(', ')} in ${cwd}`,
    );
  return [...files].sort();
}
