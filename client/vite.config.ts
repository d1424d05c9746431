/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './vite/precompress';

const sharedEntry = fileURLToPath(new URL('../shared/src/index.ts', import.meta.url));
/** Where the dev server sends /api; override to point at a server on another port or host. */
const apiTarget = process.env.LIFTOFF_API_URL ?? 'http://localhost:3000';

/**
 * Vendor code is split by how often it changes and when it is needed: react + router and the query
 * cache load on every page; recharts (and its d3 helpers) only with the lazily loaded chart pages.
 */
function vendorChunk(id: string): string | undefined {
  if (!id.includes('node_modules')) return undefined;
  if (/[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/.test(id)) {
    return 'vendor-react';
  }
  if (id.includes('@tanstack')) return 'vendor-query';
  if (/[\\/]node_modules[\\/](recharts|d3-[^\\/]+|victory-vendor|internmap|decimal\.js-light|eventemitter3|es-toolkit|@reduxjs|redux|redux-thunk|reselect|immer|react-redux|tiny-invariant|clsx|use-sync-external-store|react-is)[\\/]/.test(id)) {
    return 'vendor-charts';
  }
  return undefined;
}

export default defineConfig({
  plugins: [react(), precompress()],
  resolve: {
    // The shared contract is consumed as TypeScript source; no build step needed for the client.
    alias: { '@liftoff/shared': sharedEntry },
  },
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // vendor-charts (recharts + d3) is ~520 KB raw / 145 KB gzipped but only loads with chart pages;
    // the initial-JS budget is enforced by scripts/print-bundle-size.mjs instead.
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      // Small shared app modules are merged instead of becoming a dozen sub-1 KB requests.
      output: { manualChunks: vendorChunk, experimentalMinChunkSize: 4_000 },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
  },
});
