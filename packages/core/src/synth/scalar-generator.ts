import type { Faker } from '@faker-js/faker';
import { resolveFakerMethod } from '../make/resolve-faker-method.js';
import type { FieldConstraint } from './constraint-set.js';
import type { FieldNode, ScalarValue } from './field-tree.js';
import { orderedScale, type OrderedScale } from './ordered-scale.js';
import { compilePattern } from './pattern-generator.js';
import { Permutation } from './permutation.js';
import type { KeyList } from './key-list.js';
import type { RandomSource } from './random-source.js';
import { constraintConflict, invalidConstraint } from './synth-errors.js';
import { formatGenerator, textGenerator } from './text-generators.js';
import { valueProblem } from './value-check.js';

/** How many draws a value gets to meet length, pattern or uniqueness before the set counts as conflicting. */
const ATTEMPTS = 64;

/** Integer bounds, in a field's scale units, that a cross-field rule puts on one value. */
export interface Bounds {
  low: number;
  high: number;
}

/** What a scalar field's generator needs from the entity being generated. */
export interface ScalarEnv {
  random: RandomSource;
  /** How many records the entity has: uniqueness is checked against it up front. */
  count: number;
  /** A seeded faker for the entity's locale, made on first use. */
  faker(): Faker;
  /** The values of a referenced entity's field, complete once that entity is generated. */
  referenceKeys(entity: string, field: string): KeyList;
}

/** A compiled scalar field: draws its value for a record index. */
export interface ScalarPlan {
  /** Set for ordered fields, so rules can bound them. */
  scale: OrderedScale | null;
  generate(index: number, bounds?: Bounds): ScalarValue;
}

/**
 * Compiles a scalar field and its constraint into a generator. The order of
 * precedence: reference, const, enum, faker method, ordered scale (numbers
 * and dates), pattern, format, plain text. Values that may miss a length or
 * pattern are drawn again a bounded number of times, then the field fails
 * with `CONSTRAINT_CONFLICT` rather than emitting an invalid record.
 */
export function compileScalar(
  node: FieldNode,
  constraint: FieldConstraint,
  env: ScalarEnv,
): ScalarPlan {
  const { random } = env;
  if (constraint.reference !== undefined) return referencePlan(node, constraint, env);
  if (node.const !== undefined) {
    const value = node.const;
    if (constraint.unique === true && env.count > 1)
      throw constraintConflict('unique but constant', node.path);
    return { scale: null, generate: () => value };
  }
  const values = constraint.enum ?? node.enum;
  if (values !== undefined)
    return uniqueOr(
      node,
      constraint,
      env,
      enumPlan(node, values, constraint.weights, random),
      values.length,
    );
  if (constraint.faker !== undefined)
    return uniqueOr(node, constraint, env, fakerPlan(node, constraint.faker, env), Infinity);
  if (node.kind === 'boolean')
    return uniqueOr(node, constraint, env, { scale: null, generate: () => random.chance(0.5) }, 2);
  const scale =
    constraint.pattern === undefined && node.pattern === undefined
      ? orderedScale(node, constraint)
      : null;
  if (scale !== null) return scalePlan(node, constraint, env, scale);
  if (constraint.min !== undefined || constraint.max !== undefined) {
    throw invalidConstraint(`a range on a ${node.format ?? node.kind} field`, node.path);
  }
  return uniqueOr(node, constraint, env, textPlan(node, constraint, env), Infinity);
}

function referencePlan(node: FieldNode, constraint: FieldConstraint, env: ScalarEnv): ScalarPlan {
  const { entity, field } = constraint.reference!;
  let keys: KeyList | null = null;
  let permutation: Permutation | null = null;
  return {
    scale: null,
    generate(index) {
      if (keys === null) {
        keys = env.referenceKeys(entity, field);
        if (keys.length === 0)
          throw constraintConflict(`${entity} has no rows to reference`, node.path);
        if (constraint.unique === true) {
          if (env.count > keys.length) {
            throw constraintConflict(
              `unique reference to ${keys.length} ${entity} rows from ${env.count} records`,
              node.path,
            );
          }
          permutation = new Permutation(keys.length, env.random);
        }
      }
      if (permutation !== null) return keys.at(permutation.at(index));
      return keys.at(env.random.int(0, keys.length - 1));
    },
  };
}

function enumPlan(
  node: FieldNode,
  values: ScalarValue[],
  weights: number[] | undefined,
  random: RandomSource,
): ScalarPlan {
  if (values.length === 0) throw invalidConstraint('an empty enum', node.path);
  if (weights === undefined) return { scale: null, generate: () => random.pick(values) };
  if (
    weights.length !== values.length ||
    weights.some((w) => !(w >= 0)) ||
    !weights.some((w) => w > 0)
  ) {
    throw invalidConstraint(
      'weights must be one non-negative number per enum value, not all 0',
      node.path,
    );
  }
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  const cumulative = weights.map((w) => (sum += w / total));
  return {
    scale: null,
    generate() {
      const draw = random.float();
      for (let i = 0; i < cumulative.length; i++) if (draw < cumulative[i]!) return values[i]!;
      return values[values.length - 1]!;
    },
  };
}

function fakerPlan(node: FieldNode, name: string, env: ScalarEnv): ScalarPlan {
  const [module, method, ...rest] = name.split('.');
  if (module === undefined || method === undefined || rest.length > 0) {
    throw invalidConstraint(`faker method "${name}" is not module.method`, node.path);
  }
  let call: (() => unknown) | null = null;
  const coerce = (value: unknown): ScalarValue =>
    node.kind === 'integer' || node.kind === 'number'
      ? Number(value)
      : node.kind === 'boolean'
        ? Boolean(value)
        : String(value);
  const plan: ScalarPlan = {
    scale: null,
    generate() {
      if (call === null) {
        const found = resolveFakerMethod(env.faker(), module, method);
        if (found === null) throw invalidConstraint(`faker has no method ${name}`, node.path);
        call = found;
      }
      return coerce(call());
    },
  };
  // Faker's text ignores the schema's lengths and pattern: draw until it fits.
  return node.kind === 'string' ? fitting(node, plan) : plan;
}

function scalePlan(
  node: FieldNode,
  constraint: FieldConstraint,
  env: ScalarEnv,
  scale: OrderedScale,
): ScalarPlan {
  const { random } = env;
  const free: ScalarPlan = {
    scale,
    generate: (_index, bounds) =>
      scale.fromUnits(random.int(bounds?.low ?? scale.low, bounds?.high ?? scale.high)),
  };
  if (constraint.unique !== true) return free;
  // Not bounded above (by the schema or the constraint): keys count up from the low end, as many as asked.
  const sequential =
    node.kind === 'integer' &&
    node.maximum === undefined &&
    node.exclusiveMaximum === undefined &&
    constraint.max === undefined;
  const span = scale.high - scale.low + 1;
  if (!sequential && env.count > span) {
    throw constraintConflict(
      `${env.count} unique values asked, the range holds ${span}`,
      node.path,
    );
  }
  const seen = new Set<ScalarValue>();
  const start =
    node.minimum === undefined &&
    node.exclusiveMinimum === undefined &&
    constraint.min === undefined
      ? Math.max(scale.low, 1)
      : scale.low;
  const permutation = sequential ? null : new Permutation(span, random);
  return {
    scale,
    generate(index, bounds) {
      if (bounds === undefined)
        return scale.fromUnits(
          permutation === null ? start + index : scale.low + permutation.at(index),
        );
      // A rule moves the bounds per record, so only remembering values keeps them unique.
      return drawUnique(node, seen, () => free.generate(index, bounds));
    },
  };
}

function textPlan(node: FieldNode, constraint: FieldConstraint, env: ScalarEnv): ScalarPlan {
  const pattern = constraint.pattern ?? node.pattern;
  const { random } = env;
  if (pattern !== undefined) {
    const generator = compilePattern(pattern, node.path);
    // The schema's own pattern is met by construction; a constraint's pattern may not meet it.
    const plan = { scale: null, generate: () => generator(random) };
    return fitting(node, plan, pattern !== node.pattern);
  }
  const byFormat =
    node.format === undefined ? null : formatGenerator(node.format, constraint.unique === true);
  if (byFormat === null) {
    // Plain text is cut to the field's lengths as it is made: nothing to check.
    const generator = textGenerator(node);
    return { scale: null, generate: (index) => generator(random, index) };
  }
  return fitting(node, { scale: null, generate: (index) => byFormat(random, index) }, false);
}

/**
 * Draws again while the value breaks the field's lengths (and, when
 * `checkPattern`, its pattern): generators that do not build those in.
 */
function fitting(node: FieldNode, plan: ScalarPlan, checkPattern = true): ScalarPlan {
  const { minLength = 0, maxLength = Infinity } = node;
  const pattern = checkPattern && node.pattern !== undefined ? node : null;
  if (minLength === 0 && maxLength === Infinity && pattern === null) return plan;
  return {
    scale: plan.scale,
    generate(index, bounds) {
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const value = plan.generate(index, bounds);
        if (typeof value !== 'string') return value;
        const length = textLength(value);
        if (length < minLength || length > maxLength) continue;
        if (pattern === null || valueProblem(pattern, value) === null) return value;
      }
      throw constraintConflict(`no value drawn in ${ATTEMPTS} tries meets the schema`, node.path);
    },
  };
}

/** Length in code points, as JSON Schema and XSD count it. */
function textLength(text: string): number {
  return /[\uD800-\uDFFF]/.test(text) ? [...text].length : text.length;
}

/** Uniqueness by remembering values, for generators that cannot be unique by construction. */
function uniqueOr(
  node: FieldNode,
  constraint: FieldConstraint,
  env: ScalarEnv,
  plan: ScalarPlan,
  distinct: number,
): ScalarPlan {
  if (constraint.unique !== true) return plan;
  if (env.count > distinct)
    throw constraintConflict(`${env.count} unique values asked, only ${distinct} exist`, node.path);
  if (node.format === 'email' || node.format === 'uuid') {
    if (
      constraint.faker === undefined &&
      constraint.pattern === undefined &&
      node.pattern === undefined
    )
      return plan;
  }
  const seen = new Set<ScalarValue>();
  return {
    scale: plan.scale,
    generate: (index, bounds) => drawUnique(node, seen, () => plan.generate(index, bounds)),
  };
}

function drawUnique(node: FieldNode, seen: Set<ScalarValue>, draw: () => ScalarValue): ScalarValue {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const value = draw();
    if (!seen.has(value)) {
      seen.add(value);
      return value;
    }
  }
  throw constraintConflict(
    `no new unique value in ${ATTEMPTS} tries (${seen.size} used)`,
    node.path,
  );
}
