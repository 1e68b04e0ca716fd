/**
 * The indices a covering search has not covered yet (tuples, or classes of
 * them), as a dense list with each member's place in it, so that adding,
 * removing and picking one at random take constant time. A search's inner
 * loop adds and removes millions of times: typed arrays, and no checks (a
 * caller adds only what is out and removes only what is in).
 */
export class UncoveredSet {
  /** The members, in `members[0 .. size)`, in no particular order. */
  readonly members: Int32Array;
  /** Each index's place in `members`; -1 when out. */
  private readonly place: Int32Array;
  size = 0;

  /** A set of indices below `bound`, holding at most `capacity` of them at once. */
  constructor(bound: number, capacity = bound) {
    this.members = new Int32Array(capacity);
    this.place = new Int32Array(bound).fill(-1);
  }

  add(index: number): void {
    this.place[index] = this.size;
    this.members[this.size++] = index;
  }

  remove(index: number): void {
    const at = this.place[index]!;
    const last = this.members[--this.size]!;
    this.members[at] = last;
    this.place[last] = at;
    this.place[index] = -1;
  }
}
