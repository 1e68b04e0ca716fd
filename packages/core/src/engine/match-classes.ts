/** Tests that accept the same rows, asking for `demand` of them. */
export interface MatchClass {
  demand: number;
  /** Ids of acceptable rows, most preferred first, without repeats. */
  candidates: ArrayLike<number>;
}

/**
 * Assigns distinct rows to classes so that as many slots as possible are
 * filled: a maximum bipartite matching between slots and rows.
 *
 * Slots of one class are interchangeable, and so are rows that qualify for
 * exactly the same classes, so the matching runs as a max flow over
 * source → class → row group → sink, which stays small however many rows
 * there are. Each class's candidates are cut to the total number of slots
 * first: a slot matched outside that cut can always move to a free row
 * inside it, so the cut never shrinks the maximum.
 *
 * Deterministic: the same classes give the same rows. Returns, per class,
 * the rows it received (at most its demand), in its order of preference.
 */
export function matchClasses(classes: readonly MatchClass[]): number[][] {
  const totalDemand = classes.reduce((sum, c) => sum + c.demand, 0);
  const groups = groupRows(classes, totalDemand);
  const flow = solveFlow(classes, groups);
  return assignRows(classes, groups, flow, totalDemand);
}

interface RowGroups {
  /** Group index of a row id. */
  groupOf: (row: number) => number;
  /** Classes that accept each group's rows. */
  classesOf: number[][];
  size: number[];
}

/** Row ids below this are kept in a typed array; a job's ids are a few million at most. */
const DENSE_IDS = 1 << 24;

/** A number per row id, 0 until set: a typed array for small ids, else a map. */
function rowSlots(classes: readonly MatchClass[], limit: number) {
  let max = 0;
  for (const c of classes) {
    const length = Math.min(c.candidates.length, limit);
    for (let i = 0; i < length; i++) max = Math.max(max, c.candidates[i] as number);
  }
  if (max < DENSE_IDS) {
    const slots = new Int32Array(max + 1);
    return {
      get: (row: number) => slots[row] as number,
      set: (row: number, v: number) => void (slots[row] = v),
    };
  }
  const slots = new Map<number, number>();
  return {
    get: (row: number) => slots.get(row) ?? 0,
    set: (row: number, v: number) => void slots.set(row, v),
  };
}

/**
 * Groups the rows by the set of classes that accept them. A row's set is
 * built class by class: joining class c moves it from set s to "s and c",
 * looked up once per (s, c), so no list of classes is built per row. Groups
 * are numbered in the order their first row appears.
 */
function groupRows(classes: readonly MatchClass[], limit: number): RowGroups {
  const setOf = rowSlots(classes, limit);
  const rows: number[] = [];
  const members: number[][] = [[]];
  classes.forEach((c, index) => {
    // A row meets each class once, so it comes from a set made before this class: the
    // sets so far index this class's moves, looked up in an array rather than a map.
    const moves = new Int32Array(members.length).fill(-1);
    const length = Math.min(c.candidates.length, limit);
    for (let i = 0; i < length; i++) {
      const row = c.candidates[i] as number;
      const from = setOf.get(row);
      // A repeat of a row this class already moved: it adds nothing.
      if (from >= moves.length) continue;
      if (from === 0) rows.push(row);
      let to = moves[from] as number;
      if (to === -1) {
        to = members.length;
        members.push([...(members[from] as number[]), index]);
        moves[from] = to;
      }
      setOf.set(row, to);
    }
  });
  // Only the sets rows ended in are groups.
  const groupOfSet = new Int32Array(members.length).fill(-1);
  const groups: RowGroups = {
    groupOf: (row) => groupOfSet[setOf.get(row)] as number,
    classesOf: [],
    size: [],
  };
  for (const row of rows) {
    const set = setOf.get(row);
    let group = groupOfSet[set] as number;
    if (group === -1) {
      group = groups.size.length;
      groupOfSet[set] = group;
      groups.classesOf.push(members[set] as number[]);
      groups.size.push(0);
    }
    groups.size[group] = (groups.size[group] as number) + 1;
  }
  return groups;
}

/** flow[c] maps a group to the number of its rows class c receives. */
function solveFlow(classes: readonly MatchClass[], groups: RowGroups): Array<Map<number, number>> {
  const source = 0;
  const sink = 1;
  const classNode = (c: number) => 2 + c;
  const groupNode = (g: number) => 2 + classes.length + g;
  const graph = new FlowGraph(2 + classes.length + groups.size.length);
  const middle: Array<{ c: number; g: number; edge: number }> = [];
  classes.forEach((c, index) => graph.addEdge(source, classNode(index), c.demand));
  groups.classesOf.forEach((members, g) => {
    for (const c of members) {
      // A class can never take more than its demand, so that bound acts as an unlimited capacity.
      middle.push({
        c,
        g,
        edge: graph.addEdge(classNode(c), groupNode(g), classes[c]?.demand ?? 0),
      });
    }
    graph.addEdge(groupNode(g), sink, groups.size[g] as number);
  });
  graph.maxFlow(source, sink);
  const flow = classes.map(() => new Map<number, number>());
  for (const { c, g, edge } of middle) {
    const amount = graph.flowOn(edge);
    if (amount > 0) flow[c]?.set(g, amount);
  }
  return flow;
}

function assignRows(
  classes: readonly MatchClass[],
  groups: RowGroups,
  flow: Array<Map<number, number>>,
  limit: number,
): number[][] {
  const taken = new Set<number>();
  return classes.map((c, index) => {
    const quota = flow[index] as Map<number, number>;
    const rows: number[] = [];
    const length = Math.min(c.candidates.length, limit);
    for (let i = 0; i < length && rows.length < c.demand; i++) {
      const row = c.candidates[i] as number;
      const group = groups.groupOf(row);
      const left = quota.get(group) ?? 0;
      if (left === 0 || taken.has(row)) continue;
      quota.set(group, left - 1);
      taken.add(row);
      rows.push(row);
    }
    return rows;
  });
}

/** Dinic's max flow on an adjacency list with paired reverse edges. */
class FlowGraph {
  readonly #head: number[];
  readonly #to: number[] = [];
  readonly #next: number[] = [];
  readonly #capacity: number[] = [];
  readonly #original: number[] = [];
  #level: Int32Array;
  #cursor: number[];

  constructor(nodes: number) {
    this.#head = new Array<number>(nodes).fill(-1);
    this.#level = new Int32Array(nodes);
    this.#cursor = new Array<number>(nodes).fill(-1);
  }

  addEdge(from: number, to: number, capacity: number): number {
    const edge = this.#to.length;
    this.#push(from, to, capacity);
    this.#push(to, from, 0);
    return edge;
  }

  flowOn(edge: number): number {
    return (this.#original[edge] as number) - (this.#capacity[edge] as number);
  }

  maxFlow(source: number, sink: number): number {
    let total = 0;
    while (this.#buildLevels(source, sink)) {
      this.#cursor = [...this.#head];
      for (;;) {
        const pushed = this.#augment(source, sink);
        if (pushed === 0) break;
        total += pushed;
      }
    }
    return total;
  }

  #push(from: number, to: number, capacity: number): void {
    this.#to.push(to);
    this.#capacity.push(capacity);
    this.#original.push(capacity);
    this.#next.push(this.#head[from] as number);
    this.#head[from] = this.#to.length - 1;
  }

  #buildLevels(source: number, sink: number): boolean {
    this.#level.fill(-1);
    this.#level[source] = 0;
    const queue = [source];
    for (let i = 0; i < queue.length; i++) {
      const node = queue[i] as number;
      for (let e = this.#head[node] as number; e !== -1; e = this.#next[e] as number) {
        const to = this.#to[e] as number;
        if ((this.#capacity[e] as number) > 0 && this.#level[to] === -1) {
          this.#level[to] = (this.#level[node] as number) + 1;
          queue.push(to);
        }
      }
    }
    return this.#level[sink] !== -1;
  }

  /** Finds one augmenting path in the level graph without recursion (graphs can be deep in rows). */
  #augment(source: number, sink: number): number {
    const path: number[] = [];
    let node = source;
    for (;;) {
      if (node === sink) {
        let bottleneck = Infinity;
        for (const e of path) bottleneck = Math.min(bottleneck, this.#capacity[e] as number);
        for (const e of path) {
          this.#capacity[e] = (this.#capacity[e] as number) - bottleneck;
          this.#capacity[e ^ 1] = (this.#capacity[e ^ 1] as number) + bottleneck;
        }
        return bottleneck;
      }
      const edge = this.#advance(node);
      if (edge === -1) {
        if (node === source) return 0;
        this.#level[node] = -1;
        const back = path.pop() as number;
        node = this.#to[back ^ 1] as number;
        this.#cursor[node] = this.#next[this.#cursor[node] as number] as number;
        continue;
      }
      path.push(edge);
      node = this.#to[edge] as number;
    }
  }

  /** The first usable edge out of a node from its cursor on. */
  #advance(node: number): number {
    let e = this.#cursor[node] as number;
    while (e !== -1) {
      const to = this.#to[e] as number;
      if (
        (this.#capacity[e] as number) > 0 &&
        this.#level[to] === (this.#level[node] as number) + 1
      )
        return e;
      e = this.#next[e] as number;
      this.#cursor[node] = e;
    }
    return -1;
  }
}
