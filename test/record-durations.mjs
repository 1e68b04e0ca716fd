// Writes test/durations.json, which test/slowest-first-sequencer.ts orders a fresh clone's
// run by, from the durations vitest keeps in its cache (node_modules/.vite/vitest) after a
// run of the whole suite:
//   pnpm test && node test/record-durations.mjs
// Vitest's file durations include the file's hooks (servers and browsers start in
// beforeAll), which its JSON report leaves out. Files under a second are left out: among
// them the order hardly matters.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cache = new URL('../node_modules/.vite/vitest/', import.meta.url);
const durations = new Map();
for (const project of readdirSync(cache)) {
  const { results } = JSON.parse(readFileSync(new URL(`${project}/results.json`, cache), 'utf8'));
  for (const [key, { duration }] of results) {
    // Keys are `<project name>:<path relative to the root>`.
    durations.set(key.slice(key.indexOf(':') + 1), Math.round(duration));
  }
}
const slow = [...durations].filter(([, ms]) => ms >= 1000).sort((a, b) => b[1] - a[1]);
const out = new URL('./durations.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(Object.fromEntries(slow), null, 2)}\n`);
console.log(`${slow.length} files of a second or more written to ${fileURLToPath(out)}`);
