import type { ConstraintSet, CrossFieldRule, FieldConstraint } from './constraint-set.js';
import { isScalar, type FieldNode, type SchemaTree } from './field-tree.js';
import { compileScalar, type Bounds, type ScalarEnv, type ScalarPlan } from './scalar-generator.js';
import { constraintConflict, invalidConstraint } from './synth-errors.js';
import { valueProblem } from './value-check.js';

/** Draws for a oneOf value that must match exactly one variant. */
const VARIANT_ATTEMPTS = 32;
/** Items added past `minItems` when an array has no `maxItems`. */
const EXTRA_ITEMS = 3;

/** A generated record: JSON values, keys in schema order. */
export type SynthRecord = Record<string, unknown>;

type NodePlan = (index: number) => unknown;

interface PropertyPlan {
  name: string;
  plan: NodePlan;
  scalar: ScalarPlan | null;
  nullRatio: number;
  /** Null when drawn absent and the schema allows null; else the field is left out. */
  nullable: boolean;
  group: string | undefined;
  /** Rules bounding this property by others already drawn. */
  rules: { other: number; op: CrossFieldRule['op'] }[];
}

/**
 * Compiles a schema tree and its constraint set into a function from record
 * index to record. Constraints must have been checked by `checkConstraints`.
 */
export function compileRecord(
  tree: SchemaTree,
  constraints: ConstraintSet,
  env: ScalarEnv,
): (index: number) => SynthRecord {
  const compiler = new RecordCompiler(constraints, env);
  return compiler.node(tree.root) as (index: number) => SynthRecord;
}

class RecordCompiler {
  constructor(
    private readonly constraints: ConstraintSet,
    private readonly env: ScalarEnv,
  ) {}

  node(node: FieldNode): NodePlan {
    if (node.kind === 'object') return this.object(node);
    if (node.kind === 'array') return this.array(node);
    if (node.kind === 'choice') return this.choice(node);
    const plan = compileScalar(node, this.constraint(node), this.env);
    return (index) => plan.generate(index);
  }

  private constraint(node: FieldNode): FieldConstraint {
    return this.constraints.fields?.[node.path] ?? {};
  }

  private object(node: FieldNode): NodePlan {
    const fields = node.properties ?? [];
    const properties: PropertyPlan[] = fields.map((field) => {
      const constraint = this.constraint(field);
      const scalar = isScalar(field) ? compileScalar(field, constraint, this.env) : null;
      return {
        name: field.name,
        scalar,
        plan: scalar !== null ? (index: number) => scalar.generate(index) : this.node(field),
        nullRatio: constraint.nullRatio ?? 0,
        nullable: field.nullable,
        group: field.choiceGroup,
        rules: [],
      };
    });
    for (const rule of this.constraints.rules ?? []) {
      const target = fields.findIndex((f) => f.path === rule.field);
      const other = fields.findIndex((f) => f.path === rule.other);
      if (target !== -1 && other !== -1) properties[target]!.rules.push({ other, op: rule.op });
    }
    const order = drawOrder(properties, node.path);
    const groups = choiceGroups(properties);
    const simple =
      groups.length === 0 && properties.every((p) => p.nullRatio === 0 && p.rules.length === 0);
    const { random } = this.env;
    if (simple) {
      return (index) => {
        const record: Record<string, unknown> = {};
        for (const property of properties) record[property.name] = property.plan(index);
        return record;
      };
    }
    const values: unknown[] = new Array(properties.length);
    const present: boolean[] = new Array<boolean>(properties.length).fill(false);
    return (index) => {
      // Reused from record to record: a plan never runs inside itself (schemas are not recursive).
      present.fill(false);
      const chosen =
        groups.length === 0 ? null : new Set(groups.map((members) => random.pick(members)));
      for (const i of order) {
        const property = properties[i]!;
        if (chosen !== null && property.group !== undefined && !chosen.has(i)) continue;
        if (property.nullRatio > 0 && random.chance(property.nullRatio)) {
          if (property.nullable) {
            values[i] = null;
            present[i] = true;
          }
          continue;
        }
        present[i] = true;
        values[i] =
          property.scalar !== null && property.rules.length > 0
            ? property.scalar.generate(index, boundsOf(property, values, present, node.path))
            : property.plan(index);
      }
      const record: Record<string, unknown> = {};
      for (let i = 0; i < properties.length; i++)
        if (present[i]) record[properties[i]!.name] = values[i];
      return record;
    };
  }

  private array(node: FieldNode): NodePlan {
    const item = this.node(node.items!);
    const min = node.minItems ?? 0;
    const max = node.maxItems ?? Math.max(min, 1) + EXTRA_ITEMS;
    const { random } = this.env;
    return (index) => {
      const length = random.int(min, max);
      const items: unknown[] = [];
      const seen = node.uniqueItems === true ? new Set<string>() : null;
      for (let attempt = 0; items.length < length; attempt++) {
        if (attempt > length * VARIANT_ATTEMPTS)
          throw constraintConflict(`no ${length} distinct items`, node.path);
        const value = item(index);
        if (seen !== null) {
          const key = JSON.stringify(value);
          if (seen.has(key)) continue;
          seen.add(key);
        }
        items.push(value);
      }
      return items;
    };
  }

  private choice(node: FieldNode): NodePlan {
    const variants = node.variants!.map((variant) => this.node(variant));
    const { random } = this.env;
    return (index) => {
      for (let attempt = 0; attempt < VARIANT_ATTEMPTS; attempt++) {
        const value = variants[random.int(0, variants.length - 1)]!(index);
        if (node.combinator === 'anyOf' || valueProblem(node, value) === null) return value;
      }
      throw constraintConflict(`no value drawn matches exactly one oneOf variant`, node.path);
    };
  }
}

/** Properties in an order where every rule's other field comes first; a cycle is refused. */
function drawOrder(properties: PropertyPlan[], at: string): number[] {
  const order: number[] = [];
  const state = new Array<number>(properties.length).fill(0);
  const visit = (i: number): void => {
    if (state[i] === 2) return;
    if (state[i] === 1)
      throw invalidConstraint('cross-field rules form a cycle', at === '' ? '(root)' : at);
    state[i] = 1;
    for (const rule of properties[i]!.rules) visit(rule.other);
    state[i] = 2;
    order.push(i);
  };
  properties.forEach((_, i) => visit(i));
  return order;
}

function choiceGroups(properties: PropertyPlan[]): number[][] {
  const groups = new Map<string, number[]>();
  properties.forEach((p, i) => {
    if (p.group !== undefined) groups.set(p.group, [...(groups.get(p.group) ?? []), i]);
  });
  return [...groups.values()];
}

function boundsOf(
  property: PropertyPlan,
  values: unknown[],
  present: boolean[],
  at: string,
): Bounds | undefined {
  const scale = property.scalar!.scale!;
  let low = scale.low;
  let high = scale.high;
  for (const rule of property.rules) {
    const other = values[rule.other];
    if (!present[rule.other] || other === null) continue;
    const units = scale.toUnits(other as string | number);
    if (rule.op === '>=') low = Math.max(low, Math.ceil(units - 1e-9));
    else if (rule.op === '>') low = Math.max(low, Math.floor(units + 1e-9) + 1);
    else if (rule.op === '<=') high = Math.min(high, Math.floor(units + 1e-9));
    else high = Math.min(high, Math.ceil(units - 1e-9) - 1);
  }
  if (low > high)
    throw constraintConflict(
      'a cross-field rule leaves no value for this record',
      at === '' ? property.name : `${at}.${property.name}`,
    );
  return { low, high };
}
