import { InvalidArgumentError } from 'commander';

/** A commander argument parser for whole numbers ≥ `min`; commander reports the failure as a usage error. */
export function wholeNumber(min: number): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min) {
      throw new InvalidArgumentError(`expected a whole number of at least ${min}, got "${text}"`);
    }
    return value;
  };
}
