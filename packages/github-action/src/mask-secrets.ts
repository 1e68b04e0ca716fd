import * as core from '@actions/core';
import type { JobReport } from '@allot/core';

/**
 * Registers every value of a secret column with the runner, before anything
 * prints one: later steps that echo a password show `***` too.
 */
export function maskSecrets(report: JobReport): void {
  const masked = new Set<string>();
  for (const test of report.tests)
    for (const row of test.values)
      for (const column of test.secrets) {
        const value = row[column];
        if (value === null || value === undefined) continue;
        const text = String(value);
        if (text.trim() === '' || masked.has(text)) continue;
        masked.add(text);
        core.setSecret(text);
      }
}
