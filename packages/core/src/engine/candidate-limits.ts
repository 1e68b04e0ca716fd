/**
 * How many candidates each class is first asked for: twice its demand and a
 * margin, so that the rows competing classes take leave it enough (the
 * matching needs a class's demand plus what its competitors could take from
 * it), never more than the bundle's whole demand, which is always enough.
 * Most finds then stop after a few thousand rows of their block instead of
 * reading on until they have the whole bundle's demand.
 */
export function firstLimit(demand: number, total: number): number {
  return Math.min(total, 2 * demand + 64);
}

/** The next limit of a class whose candidates fell short: four times as many, up to `total`. */
export function widerLimit(limit: number, total: number): number {
  return Math.min(total, Math.max(limit * 4, 64));
}

/** One class as the matching saw it, for {@link classesToWiden}. */
export interface MatchedList {
  /** Rows the class asked of this matching. */
  demand: number;
  /** The class's candidates as the matching got them, most preferred first. */
  candidates: ArrayLike<number>;
  /** The rows it received. */
  assigned: readonly number[];
  /**
   * Whether `candidates` holds every row the class could receive, as far as
   * the matching is concerned: it got fewer than its limit (every free
   * qualifying row), or its limit is the bundle's whole demand (a slot
   * matched beyond that can always move to a free row inside it).
   */
  complete: boolean;
}

/**
 * The classes (by index) whose candidate lists must grow before the
 * matching can be trusted to be maximal, empty when it is.
 *
 * The matching is maximal over the lists it got. It is maximal over every
 * class's full list too unless an augmenting path leaves through a row past
 * a cut: from a class short of its demand, through a row it accepts to the
 * class holding that row, and so on, to a class whose list was cut. So the
 * classes reachable that way from the short ones are walked, and those among
 * them whose lists were cut are returned. When none is, the classes beyond
 * a cut are unreachable: rows past their cuts cannot lengthen any path, and
 * no other matching serves more slots.
 */
export function classesToWiden(lists: readonly MatchedList[]): number[] {
  const owner = new Map<number, number>();
  lists.forEach((list, c) => {
    for (const row of list.assigned) owner.set(row, c);
  });
  const reached = new Uint8Array(lists.length);
  const queue: number[] = [];
  lists.forEach((list, c) => {
    if (list.assigned.length < list.demand) {
      reached[c] = 1;
      queue.push(c);
    }
  });
  for (let i = 0; i < queue.length; i++) {
    const { candidates } = lists[queue[i] as number] as MatchedList;
    for (let k = 0; k < candidates.length; k++) {
      const holder = owner.get(candidates[k] as number);
      if (holder === undefined || reached[holder] === 1) continue;
      reached[holder] = 1;
      queue.push(holder);
    }
  }
  return queue.filter((c) => !(lists[c] as MatchedList).complete).sort((a, b) => a - b);
}
