// Bundles the action into dist/ (or the directory given as the first argument):
// one self-contained ESM file per entry, the workspace packages included, plus
// the files they read at run time through `new URL('…', import.meta.url)`.
import { cp, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const outdir = resolve(process.argv[2] ?? resolve(packageDir, 'dist'));

// An ESM bundle has no `require`, but bundled CommonJS dependencies call it for Node's built-ins.
const banner = [
  "import { createRequire as __allotCreateRequire } from 'node:module';",
  'const require = __allotCreateRequire(import.meta.url);',
].join('\n');

// Modules that load a dependency on first use require it through
// `createRequire(import.meta.url)`: that require would resolve next to the
// bundle, where no node_modules is. Dropping the local binding leaves a plain
// `require('…')`, which esbuild bundles and still runs only when called.
const LOCAL_REQUIRE = /^const require = createRequire\(import\.meta\.url\);$/m;

const ASSET_URL = /new URL\((['"])(\.{1,2}\/[^'"]*)\1,\s*import\.meta\.url\)/g;

/**
 * Modules that read files beside themselves (SQL operations, migrations, the
 * pool schema) would look for them next to the bundle: copy each such file or
 * directory into the output, and point the URL at the copy.
 */
function assetsPlugin(assets) {
  return {
    name: 'allot-assets',
    setup(esbuild) {
      esbuild.onLoad({ filter: /\.js$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const contents = source
          .replace(LOCAL_REQUIRE, '')
          .replace(ASSET_URL, (_match, quote, path) => {
            const target = resolve(dirname(args.path), path);
            const name = basename(target);
            const known = assets.get(name);
            if (known !== undefined && known !== target)
              throw new Error(`two assets are named ${name}: ${known} and ${target}`);
            assets.set(name, target);
            const slash = path.endsWith('/') ? '/' : '';
            return `new URL(${quote}./${name}${slash}${quote}, import.meta.url)`;
          });
        return { contents, loader: 'js' };
      });
    },
  };
}

const assets = new Map();
await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
await build({
  absWorkingDir: packageDir,
  entryPoints: { index: 'src/index.ts', post: 'src/post.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  charset: 'utf8',
  legalComments: 'eof',
  external: ['pg-native'],
  banner: { js: banner },
  plugins: [assetsPlugin(assets)],
  logLevel: 'warning',
});
for (const [name, target] of [...assets].sort()) {
  const isDir = (await stat(target)).isDirectory();
  await cp(target, resolve(outdir, name), { recursive: isDir });
}
const shown = relative(process.cwd(), outdir) || '.';
console.log(
  `bundled src/index.ts and src/post.ts into ${shown} (assets: ${[...assets.keys()].sort().join(', ') || 'none'})`,
);
