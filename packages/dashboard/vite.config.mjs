import { defineConfig } from 'vite';

// The dashboard is served at /ui by @allot/server under a strict
// Content-Security-Policy: no inline script or style may end up in the page,
// so the module-preload polyfill (an inline helper) is off and CSS is a file.
export default defineConfig({
  root: 'app',
  base: '/ui/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: '../dist/ui',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    cssCodeSplit: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 400,
  },
});
