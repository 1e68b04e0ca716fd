import type { SeededRandom } from './seeded-random.js';

/** The pair classes an orbit search left uncovered, as {@link completingOrbit} reads them. */
export interface MissingClasses {
  /** Columns of the searched array. */
  k: number;
  /** The turning levels; level g is infinity. */
  g: number;
  /** Class index = pair × (g + 2) + class: g difference classes, then (infinity, finite), then (finite, infinity). */
  classes: ArrayLike<number>;
  count: number;
  /** The columns of pair p, a < b. */
  pairA: ArrayLike<number>;
  pairB: ArrayLike<number>;
}

/**
 * One more orbit that covers every missing class, or null when no single
 * orbit can: a difference class c of columns a < b asks for
 * level(a) = level(b) + c (mod g), an infinity class for infinity in one
 * column and a finite level in the other. Differences chain through shared
 * columns (union-find with each column's offset from its root), so the
 * classes are met by one orbit exactly when no chain closes on another
 * difference and no column is asked to be both infinity and finite.
 * Columns no class constrains are left free ({@link FREE_LEVEL}): the
 * rows of the orbit take a random level there each, cells the search that
 * follows is free to change.
 */
export function completingOrbit(
  missing: MissingClasses,
  random: SeededRandom,
  scratch: OrbitScratch = new OrbitScratch(missing.k),
): Int32Array | null {
  const { k, g } = missing;
  const { parent, offset, kind } = scratch.reset();
  const width = g + 2;
  for (let i = 0; i < missing.count; i++) {
    const index = missing.classes[i]!;
    const p = Math.floor(index / width);
    const c = index % width;
    const a = missing.pairA[p]!;
    const b = missing.pairB[p]!;
    if (c >= g) {
      const atInfinity = c === g ? a : b;
      const atFinite = c === g ? b : a;
      if (kind[atInfinity] === FINITE || kind[atFinite] === INFINITE) return null;
      kind[atInfinity] = INFINITE;
      kind[atFinite] = FINITE;
      continue;
    }
    if (kind[a] === INFINITE || kind[b] === INFINITE) return null;
    kind[a] = FINITE;
    kind[b] = FINITE;
    const rootA = root(parent, offset, a, g);
    const shiftA = offset[a]!;
    const rootB = root(parent, offset, b, g);
    const shiftB = offset[b]!;
    if (rootA === rootB) {
      if ((shiftA - shiftB - c + 2 * g) % g !== 0) return null;
      continue;
    }
    // level(a) = level(rootA) + shiftA must equal level(rootB) + shiftB + c.
    parent[rootA] = rootB;
    offset[rootA] = (shiftB + c - shiftA + 2 * g) % g;
  }
  const orbit = new Int32Array(k);
  const rootLevel = scratch.rootLevel.fill(-1);
  for (let a = 0; a < k; a++) {
    if (kind[a] === INFINITE) orbit[a] = g;
    else if (kind[a] === FREE) orbit[a] = FREE_LEVEL;
    else {
      const r = root(parent, offset, a, g);
      if (rootLevel[r]! < 0) rootLevel[r] = random.below(g);
      orbit[a] = (rootLevel[r]! + offset[a]!) % g;
    }
  }
  return orbit;
}

/** The level of a column no missing class constrains, in an orbit from {@link completingOrbit}. */
export const FREE_LEVEL = -1;

const FREE = 0;
const FINITE = 1;
const INFINITE = 2;

/** Buffers for {@link completingOrbit}, kept by a search that asks after every move. */
export class OrbitScratch {
  readonly parent: Int32Array;
  /** Each column's level minus its parent's (after {@link root}, its root's), mod g. */
  readonly offset: Int32Array;
  readonly kind: Uint8Array;
  readonly rootLevel: Int32Array;

  constructor(k: number) {
    this.parent = new Int32Array(k);
    this.offset = new Int32Array(k);
    this.kind = new Uint8Array(k);
    this.rootLevel = new Int32Array(k);
  }

  reset(): this {
    for (let a = 0; a < this.parent.length; a++) this.parent[a] = a;
    this.offset.fill(0);
    this.kind.fill(FREE);
    return this;
  }
}

/** The root of a column, its path compressed so its offset is then from the root. */
function root(parent: Int32Array, offset: Int32Array, a: number, g: number): number {
  const up = parent[a]!;
  if (up === a) return a;
  const top = root(parent, offset, up, g);
  offset[a] = (offset[a]! + offset[up]!) % g;
  parent[a] = top;
  return top;
}
