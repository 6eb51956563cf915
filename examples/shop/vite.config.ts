import { defineConfig } from 'vite';

// The shop's React front-end, compiled by Vite's esbuild (no React plugin). The shop's
// back-end serves dist/assets under /assets and dist/index.html for the app's routes.
// biome-ignore lint/style/noDefaultExport: Vite reads its configuration from the default export
export default defineConfig({
  base: '/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
});
