import type { FieldNode, ScalarValue } from './field-tree.js';
import { constraintConflict, invalidConstraint } from './synth-errors.js';

const DAY = 86_400;
const DEFAULT_FROM = Date.UTC(2000, 0, 1) / 1000;
const DEFAULT_TO = Date.UTC(2030, 11, 31) / 1000;
/** Width of the default span when a schema bounds a number on one side only. */
const DEFAULT_SPAN = 100_000;

/**
 * A field whose values are ordered (integers, decimals, dates, date-times,
 * times) mapped onto whole units: its values are `fromUnits(k)` for k in
 * [low, high]. Ranges, exclusive bounds, steps and cross-field rules all
 * become integer bounds on k, so drawing a value is one integer draw.
 */
export interface OrderedScale {
  /** What the values are, for checking that a rule compares like with like. */
  family: 'number' | 'date' | 'date-time' | 'time';
  low: number;
  high: number;
  toUnits(value: ScalarValue): number;
  fromUnits(units: number): ScalarValue;
}

/** A range a constraint set puts on a field: numbers, or ISO dates and date-times. */
export interface RangeConstraint {
  min?: number | string;
  max?: number | string;
}

/**
 * The scale of an ordered field, narrowed by a constraint's range, or null
 * when the field is not ordered.
 *
 * @throws AllotError `CONSTRAINT_CONFLICT` when no value is left
 */
export function orderedScale(node: FieldNode, range: RangeConstraint = {}): OrderedScale | null {
  let scale: OrderedScale | null = null;
  if (node.kind === 'integer' || node.kind === 'number') scale = numberScale(node);
  else if (node.format === 'date') scale = timeScale('date', DAY, (s) => isoDate(s));
  else if (node.format === 'date-time') scale = timeScale('date-time', 1, (s) => isoDateTime(s));
  else if (node.format === 'time') scale = timeOfDayScale();
  if (scale === null) return null;
  if (range.min !== undefined)
    scale.low = Math.max(scale.low, Math.ceil(unitsOf(scale, range.min, node)));
  if (range.max !== undefined)
    scale.high = Math.min(scale.high, Math.floor(unitsOf(scale, range.max, node)));
  if (scale.low > scale.high) throw constraintConflict('the range leaves no value', node.path);
  return scale;
}

function unitsOf(scale: OrderedScale, bound: number | string, node: FieldNode): number {
  const units = scale.toUnits(bound);
  if (!Number.isFinite(units))
    throw invalidConstraint(`range bound ${JSON.stringify(bound)}`, node.path);
  return units;
}

function numberScale(node: FieldNode): OrderedScale {
  const integer = node.kind === 'integer';
  const step = node.multipleOf ?? (integer ? 1 : 10 ** -(node.fractionDigits ?? 2));
  const decimals = integer && Number.isInteger(step) ? 0 : decimalsOf(step);
  // k·step as the double nearest the decimal k·m/10^d: one exact integer product
  // and one correctly rounded division, instead of formatting and parsing text.
  const power = 10 ** decimals;
  const m = Math.round(step * power);
  const fromUnits = (k: number) =>
    decimals === 0
      ? k * step
      : decimals <= 22 && Math.abs(k * m) <= Number.MAX_SAFE_INTEGER
        ? (k * m) / power
        : Number((k * step).toFixed(decimals));
  const toUnits = (value: ScalarValue) => (typeof value === 'number' ? value / step : NaN);
  let low = node.minimum !== undefined ? Math.ceil(node.minimum / step - 1e-9) : -Infinity;
  let high = node.maximum !== undefined ? Math.floor(node.maximum / step + 1e-9) : Infinity;
  if (node.exclusiveMinimum !== undefined) {
    let k = Math.ceil(node.exclusiveMinimum / step - 1e-9);
    if (fromUnits(k) <= node.exclusiveMinimum) k++;
    low = Math.max(low, k);
  }
  if (node.exclusiveMaximum !== undefined) {
    let k = Math.floor(node.exclusiveMaximum / step + 1e-9);
    if (fromUnits(k) >= node.exclusiveMaximum) k--;
    high = Math.min(high, k);
  }
  const span = Math.ceil(DEFAULT_SPAN / Math.max(step, 1));
  if (low === -Infinity && high === Infinity) [low, high] = [0, span];
  else if (low === -Infinity) low = high - span;
  else if (high === Infinity) high = low + span;
  return { family: 'number', low, high, toUnits, fromUnits };
}

function decimalsOf(step: number): number {
  const text = String(step);
  const exponent = /e-(\d+)$/.exec(text);
  if (exponent !== null) return Number(exponent[1]);
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

function timeScale(
  family: 'date' | 'date-time',
  unit: number,
  format: (seconds: number) => string,
): OrderedScale {
  return {
    family,
    low: Math.ceil(DEFAULT_FROM / unit),
    high: Math.floor(DEFAULT_TO / unit),
    toUnits: (value) =>
      typeof value === 'string' ? Math.floor(Date.parse(value) / 1000 / unit) : NaN,
    fromUnits: (units) => format(units * unit),
  };
}

function timeOfDayScale(): OrderedScale {
  return {
    family: 'time',
    low: 0,
    high: DAY - 1,
    toUnits: (value) => {
      const match = typeof value === 'string' ? /^(\d\d):(\d\d):(\d\d)/.exec(value) : null;
      return match === null
        ? NaN
        : Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
    },
    fromUnits: (seconds) => `${isoDateTime(seconds).slice(11, 19)}Z`,
  };
}

/** `YYYY-MM-DD` of a count of seconds since 1970, by civil-calendar arithmetic (faster than a Date per value). */
function isoDate(seconds: number): string {
  const [y, m, d] = civilFromDays(Math.floor(seconds / 86_400));
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function isoDateTime(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  let rest = seconds - days * 86_400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  return `${isoDate(seconds)}T${pad(hours, 2)}:${pad(minutes, 2)}:${pad(rest - minutes * 60, 2)}Z`;
}

/** `00`–`99`: dates and times are mostly two-digit fields. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

function pad(value: number, width: number): string {
  return width === 2 && value < 100 ? TWO_DIGITS[value]! : String(value).padStart(width, '0');
}

/** Year, month, day of a day count since 1970-01-01 (H. Hinnant's days_from_civil, inverted). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}
