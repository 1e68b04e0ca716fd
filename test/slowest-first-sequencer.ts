import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification, type Vitest } from 'vitest/node';

/**
 * Milliseconds per test file, as recorded in a JSON file (paths relative to
 * the root, `/`-separated). Only the order matters: the figures come from one
 * run and are refreshed with `test/record-durations.mjs`.
 */
function recordedDurations(file: URL): ReadonlyMap<string, number> {
  const recorded = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
  return new Map(Object.entries(recorded));
}

/**
 * Starts the slowest test files first, so that every worker stays busy to
 * the end of the run instead of one file of a minute starting last.
 *
 * Vitest does this by itself from the durations of the previous run, which
 * it keeps in its cache under `node_modules`; a fresh clone (CI) has no
 * cache, and vitest then starts files by size, which says little about how
 * long a file that starts servers or browsers takes. This sequencer takes
 * vitest's cached duration where there is one and the recorded one where
 * not; files that failed last time still go first, as with vitest's own.
 */
export class SlowestFirstSequencer extends BaseSequencer {
  private readonly recorded: ReadonlyMap<string, number>;

  constructor(ctx: Vitest, durations: URL) {
    super(ctx);
    this.recorded = recordedDurations(durations);
  }

  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // Vitest's order (failed first, then by its own durations, else by size) breaks the ties.
    const ordered = await super.sort(files);
    const root = this.ctx.config.root;
    const expected = new Map<TestSpecification, { failed: boolean; ms: number }>();
    for (const spec of ordered) {
      const path = relative(root, spec.moduleId).split('\\').join('/');
      const cached = this.ctx.cache.getFileTestResults(`${spec.project.name}:${path}`);
      expected.set(spec, {
        failed: cached?.failed ?? false,
        ms: cached?.duration ?? this.recorded.get(path) ?? 0,
      });
    }
    const of = (spec: TestSpecification) => expected.get(spec) ?? { failed: false, ms: 0 };
    return ordered.sort((a, b) => {
      const [x, y] = [of(a), of(b)];
      if (x.failed !== y.failed) return x.failed ? -1 : 1;
      return y.ms - x.ms;
    });
  }
}

/**
 * The sequencer for vitest's `sequence.sequencer`, ordering a fresh clone's
 * run by the durations recorded in `durations` (a JSON file's URL).
 */
export function slowestFirst(durations: URL): new (ctx: Vitest) => SlowestFirstSequencer {
  return class extends SlowestFirstSequencer {
    constructor(ctx: Vitest) {
      super(ctx, durations);
    }
  };
}
