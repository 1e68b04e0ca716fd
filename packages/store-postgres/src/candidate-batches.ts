import type { CandidateQuery, RowValues } from '@allot/core';

/** Answers finds that read the same rows (one block version, key column and instant) together. */
export type GatherBatch = (
  queries: readonly CandidateQuery[],
) => Promise<Array<RowValues[] | undefined>>;

/**
 * Answers a job's finds with one batch per group of finds that read the same
 * rows, so one scan serves every find of a block version; the answers come
 * back in the order of `queries`.
 */
export async function gatherInBatches(
  queries: readonly CandidateQuery[],
  run: GatherBatch,
): Promise<Array<RowValues[] | undefined>> {
  const groups = new Map<string, number[]>();
  queries.forEach((query, index) => {
    const { block, version, keyIndex, now, columns } = query;
    const key = JSON.stringify([block, version, keyIndex, now.getTime(), columns]);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [index]);
    else group.push(index);
  });
  const answers = new Array<RowValues[] | undefined>(queries.length);
  await Promise.all(
    [...groups.values()].map(async (indexes) => {
      const found = await run(indexes.map((index) => queries[index] as CandidateQuery));
      indexes.forEach((index, i) => (answers[index] = found[i]));
    }),
  );
  return answers;
}
