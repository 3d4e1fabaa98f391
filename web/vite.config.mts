import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// One bundle for the browser app, served by the API from dist/web (src/infrastructure/http/web).
// No inline script or style is emitted, so it runs under the app's strict Content-Security-Policy.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 400,
  },
});
