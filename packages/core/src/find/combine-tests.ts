/**
 * Tests joined with AND. Small counts get their own closures because a
 * compiled find runs once per row, often over a million rows.
 */
export function allOf<T>(tests: readonly ((value: T) => boolean)[]): (value: T) => boolean {
  const [first, second] = tests;
  if (first === undefined) return () => true;
  if (second === undefined) return first;
  if (tests.length === 2) return (value) => first(value) && second(value);
  const count = tests.length;
  return (value) => {
    for (let i = 0; i < count; i++) {
      if (!(tests[i] as (value: T) => boolean)(value)) return false;
    }
    return true;
  };
}

/** Tests joined with OR; none at all matches nothing. */
export function anyOf<T>(tests: readonly ((value: T) => boolean)[]): (value: T) => boolean {
  const [first, second] = tests;
  if (first === undefined) return () => false;
  if (second === undefined) return first;
  if (tests.length === 2) return (value) => first(value) || second(value);
  const count = tests.length;
  return (value) => {
    for (let i = 0; i < count; i++) {
      if ((tests[i] as (value: T) => boolean)(value)) return true;
    }
    return false;
  };
}

/** The negation of a test. */
export function not<T>(test: (value: T) => boolean): (value: T) => boolean {
  return (value) => !test(value);
}
