import type { ClaimState } from '../model/job-record.js';
import type { FindClass } from './find-classes.js';
import type { FindForecast } from './job-report.js';
import { censusOf, claimsByBlock, type BlockClaims, type CensusRows } from './scan-candidates.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Why tests of a class got no rows, in terms a person can act on: the
 * demand, how many rows qualify, and where the qualifying rows went.
 * `claims` are those of the class's block; `rows` holds every qualifying
 * row of the block (by default the block).
 */
export function describeShortfall(
  cls: FindClass,
  claims: BlockClaims,
  matched: number,
  rows?: CensusRows,
): string {
  const census = censusOf(cls, claims, rows);
  const demand = cls.tests.reduce((sum, t) => sum + t.test.count, 0);
  const verb = cls.tests.length === 1 ? 'needs' : 'need';
  const need = `${plural(cls.tests.length, 'test')} of this job ${verb} ${cls.description} in ${cls.source.label}${
    cls.readOnly ? ' (read-only)' : ''
  } (${plural(demand, 'row')})`;
  const parts = [
    `${plural(census.qualifying, 'row')} ${census.qualifying === 1 ? 'qualifies' : 'qualify'}`,
  ];
  const leasers = [...census.leasedBy].sort((a, b) => b[1] - a[1]);
  for (const [job, rows] of leasers.slice(0, 5)) parts.push(`${rows} leased by job ${job}`);
  if (leasers.length > 5)
    parts.push(
      `${leasers.slice(5).reduce((s, [, r]) => s + r, 0)} leased by ${leasers.length - 5} other jobs`,
    );
  if (census.consumed > 0) parts.push(`${census.consumed} consumed`);
  parts.push(`${census.free} free, ${matched} given to this job's tests`);
  const advice =
    leasers.length > 0
      ? 'add rows, add a make, or release the jobs holding them'
      : 'add rows to the block or add a make to the test';
  return `${need}; ${parts.join(', ')}: ${advice}`;
}

/** A dry run's view of each find: demand against supply. */
export function forecastClasses(
  classes: readonly FindClass[],
  claims: ClaimState,
  matched: Map<FindClass, number>,
  makesNeeded: Map<FindClass, number>,
): FindForecast[] {
  const claimsOf = claimsByBlock(claims);
  return classes.map((cls) => {
    const census = censusOf(cls, claimsOf(cls.source.block.block));
    const demand = cls.tests.reduce((sum, t) => sum + t.test.count, 0);
    const got = matched.get(cls) ?? 0;
    const makes = makesNeeded.get(cls) ?? 0;
    return {
      pool: cls.tests[0]?.pool.name ?? '',
      block: cls.source.label,
      find: cls.description,
      readOnly: cls.readOnly,
      tests: cls.tests.length,
      demand,
      qualifying: census.qualifying,
      free: census.free,
      matched: got,
      makes,
      short: Math.max(
        0,
        (cls.readOnly ? Math.max(...cls.tests.map((t) => t.test.count)) : demand) - got - makes,
      ),
      refs: cls.tests.map((t) => t.ref),
      topUp: cls.tests.find((t) => t.test.topUp !== undefined)?.test.topUp ?? null,
      madeAhead: 0,
      leased: [...census.leasedBy.values()].reduce((sum, rows) => sum + rows, 0),
      consumed: census.consumed,
    };
  });
}
