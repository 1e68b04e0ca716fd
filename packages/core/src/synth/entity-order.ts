import { invalidConstraint } from './synth-errors.js';

/** What ordering needs of an entity: its name and the entities its fields reference. */
interface Referencing {
  name: string;
  constraints?: { fields?: Record<string, { reference?: { entity: string } }> };
}

/**
 * Entities in dependency order: every entity after the entities it
 * references, otherwise in the order given. SQL `CREATE TABLE`s and inserts
 * follow this order, so foreign keys always point at rows already written.
 *
 * @throws AllotError `INVALID_CONSTRAINTS` on a duplicate name, a reference
 *   to an unknown entity, or a cycle (self-references included)
 */
export function entityOrder<T extends Referencing>(entities: readonly T[]): T[] {
  const byName = new Map<string, T>();
  for (const entity of entities) {
    if (byName.has(entity.name))
      throw invalidConstraint(`two entities named ${entity.name}`, entity.name);
    byName.set(entity.name, entity);
  }
  const ordered: T[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (entity: T, from: string[]): void => {
    if (state.get(entity.name) === 'done') return;
    if (state.get(entity.name) === 'visiting') {
      throw invalidConstraint(
        `references form a cycle: ${[...from, entity.name].join(' -> ')}`,
        entity.name,
      );
    }
    state.set(entity.name, 'visiting');
    for (const [path, constraint] of Object.entries(entity.constraints?.fields ?? {})) {
      const target = constraint.reference?.entity;
      if (target === undefined) continue;
      const parent = byName.get(target);
      if (parent === undefined)
        throw invalidConstraint(`reference to unknown entity ${target}`, `${entity.name}.${path}`);
      visit(parent, [...from, entity.name]);
    }
    state.set(entity.name, 'done');
    ordered.push(entity);
  };
  for (const entity of entities) visit(entity, []);
  return ordered;
}
