import type { CandidateQuery } from '@allot/core';

/** Answers the finds of one block version, one key column and one instant together. */
export type GatherBatch = (
  workspace: string,
  queries: readonly CandidateQuery[],
) => Promise<Array<number[] | undefined>>;

interface Waiting {
  workspace: string;
  query: CandidateQuery;
  resolve: (rows: number[] | undefined) => void;
  reject: (error: unknown) => void;
}

/**
 * Collects the `gatherCandidates` calls made in one turn of the event loop
 * (the engine asks for every find of a job at once) and answers each group
 * that reads the same rows with one batch, so one scan serves every find.
 */
export class CandidateBatches {
  readonly #run: GatherBatch;
  #waiting: Waiting[] = [];

  constructor(run: GatherBatch) {
    this.#run = run;
  }

  gather(workspace: string, query: CandidateQuery): Promise<number[] | undefined> {
    return new Promise((resolve, reject) => {
      if (this.#waiting.length === 0) queueMicrotask(() => this.#flush());
      this.#waiting.push({ workspace, query, resolve, reject });
    });
  }

  #flush(): void {
    const groups = new Map<string, Waiting[]>();
    for (const call of this.#waiting) {
      const { block, version, keyIndex, now, columns } = call.query;
      const key = JSON.stringify([
        call.workspace,
        block,
        version,
        keyIndex,
        now.getTime(),
        columns,
      ]);
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [call]);
      else group.push(call);
    }
    this.#waiting = [];
    for (const group of groups.values()) {
      const workspace = (group[0] as Waiting).workspace;
      this.#run(
        workspace,
        group.map((call) => call.query),
      ).then(
        (found) => group.forEach((call, i) => call.resolve(found[i])),
        (error: unknown) => group.forEach((call) => call.reject(error)),
      );
    }
  }
}
