/**
 * Build of the dashboard: web/ → dist/web (served at / by src/adapters/http/web/register-web.ts).
 * Hashed file names under assets/ (cached for a year); index.html is never cached.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    assetsDir: 'assets',
    sourcemap: false,
    // The trend chart (ECharts) is a separate, lazily loaded chunk; the first page stays small.
    chunkSizeWarningLimit: 700,
    modulePreload: { polyfill: false },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
})
