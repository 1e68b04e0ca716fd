// Fails a release whose tag (vX.Y.Z) is not the version of every public
// package: the packages pin each other's exact versions, so they move together.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const tag = process.argv[2] ?? '';
const version = tag.replace(/^v/, '');
const packagesDir = join(import.meta.dirname, '..', '..', 'packages');
const wrong = [];
for (const dir of readdirSync(packagesDir)) {
  const pkg = JSON.parse(readFileSync(join(packagesDir, dir, 'package.json'), 'utf8'));
  if (pkg.private) continue;
  if (pkg.version !== version) wrong.push(`${pkg.name}@${pkg.version}`);
}
if (!/^v\d+\.\d+\.\d+(-[\w.]+)?$/.test(tag) || wrong.length > 0) {
  console.error(
    `release tag "${tag}" must be v<version> of every public package; these differ: ${wrong.join(', ') || '(none)'}`,
  );
  process.exit(1);
}
console.log(`releasing ${version}`);
