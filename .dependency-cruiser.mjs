// The import rules between the workspace's packages, checked by `pnpm lint`
// (README.md, "Import rules", says the same in words). Workspace imports are
// resolved to the source file a package's `exports` entry is built from, so
// the check needs no build and a deep path (`@allot/core/src/x`) stays
// unresolved, which is itself an error.
import { escape, publicEntries, workspacePackages } from './.dependency-cruiser-resolve.mjs';

/**
 * What each package's own code (not its tests) may import of ours, by folder
 * under packages/. Every folder there needs a row: a new package decides its
 * place in the layers before it can pass lint.
 */
export const LAYERS = {
  // The domain: pool files, finds, makes, the engine, the Store interface.
  core: [],
  // Wire types and schemas, shared by the server and every client.
  protocol: [],
  // The web dashboard: a browser app over the public /api/v1 only (its wire types from protocol); its Node entry names the built assets.
  dashboard: ['protocol'],
  // Store adapters store; the rules they keep are core's.
  'store-lowdb': ['core'],
  'store-postgres': ['core'],
  // The factory that knows both adapters.
  stores: ['core', 'store-lowdb', 'store-postgres'],
  // What the server, the CLI and the action do, over the Store.
  // Use cases return the wire shapes' static types where a result is one (a job's status), never schemas' I/O.
  'use-cases': ['core', 'protocol'],
  // The HTTP client and results-file reader the test frameworks share.
  client: ['protocol'],
  // Test-framework plugins talk to allot through the client only.
  'playwright-fixture': ['client', 'protocol'],
  'jest-environment': ['client', 'protocol'],
  'cucumber-steps': ['client', 'protocol'],
  // The surfaces. store-postgres directly: PostgreSQL URLs and resolution servers on PostgreSQL;
  // the dashboard for the directory of its built assets, served at /ui.
  server: ['core', 'use-cases', 'protocol', 'stores', 'store-postgres', 'dashboard'],
  // The CLI writes the results file with the client's writer, which the integrations read it with.
  cli: ['core', 'use-cases', 'protocol', 'stores', 'server', 'client'],
  // The action also runs a server's jobs through the client and lists feature-file tests.
  'github-action': [
    'core',
    'use-cases',
    'protocol',
    'stores',
    'store-postgres',
    'client',
    'cucumber-steps',
  ],
};

/** Test code: test files, test helpers and fixtures, and the suites under test/. */
const TEST_CODE = '(\\.test\\.ts$|/src/testing/|/test-fixtures/|^packages/[^/]+/test/|^test/)';

const unplaced = workspacePackages(process.cwd()).filter(
  (p) => p.parent === 'packages' && !(p.folder in LAYERS),
);
if (unplaced.length > 0) {
  const dirs = unplaced.map((p) => p.dir).join(', ');
  throw new Error(`.dependency-cruiser.mjs: give ${dirs} a row in LAYERS`);
}

const layerRules = Object.entries(LAYERS).map(([folder, allowed]) => ({
  name: `layer-${folder}`,
  comment: `packages/${folder} may import ${allowed.length === 0 ? 'nothing of ours' : allowed.join(', ')} (README.md, "Import rules")`,
  severity: 'error',
  from: { path: `^packages/${escape(folder)}/`, pathNot: TEST_CODE },
  to: {
    path: '^(packages|test)/',
    pathNot: `^packages/(${[folder, ...allowed].map(escape).join('|')})/`,
  },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    ...layerRules,
    {
      name: 'no-internals',
      comment: "another package's code is imported through its public entry (its exports map) only",
      severity: 'error',
      from: { path: '^((packages|test)/[^/]+)/' },
      to: { path: '^(packages|test)/', pathNot: [`^$1/`, ...publicEntries(process.cwd())] },
    },
    {
      name: 'no-test-code-in-source',
      comment: "a package's own code imports no test helper, test file or test suite",
      severity: 'error',
      from: { path: '^packages/', pathNot: TEST_CODE },
      to: { path: TEST_CODE },
    },
    {
      name: 'no-unresolved-workspace-import',
      comment: 'an import of ours that resolves to nothing: a deep path into a package, or a typo',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, path: '^(@allot/|\\.)' },
    },
    {
      name: 'no-cycles',
      comment:
        'modules and packages import each other in one direction only; a type-only import, erased when compiled, may point back',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    // Type-only imports count: they tie a package to another as much as values do.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.check.json' },
    doNotFollow: { path: ['node_modules', '(^|/)dist/'] },
    // Third-party code is not ours to check; a dist/ import of ours still is (no-internals).
    exclude: { path: '(^|/)node_modules/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    // Only its `resolve.alias`: each public entry of ours to its source file.
    webpackConfig: { fileName: '.dependency-cruiser-resolve.mjs' },
  },
};
