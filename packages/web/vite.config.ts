import { defineConfig } from 'vite';

// The hosted checkout and wallet. React is compiled by Vite's esbuild (no React plugin);
// the server serves dist/assets under /assets and dist/index.html for the app's routes.
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
