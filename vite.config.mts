import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built once and served by both shells (app:// in Electron, the browser host over HTTP).
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'renderer'),
  base: '/',
  plugins: [react()],
  resolve: { alias: { '@shared': path.resolve(import.meta.dirname, 'shared') } },
  build: {
    // RENDERER_OUT_DIR lets two developers' test runs on one machine build side by side (tests read the same variable).
    outDir: path.resolve(import.meta.dirname, process.env.RENDERER_OUT_DIR ?? 'out/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: {
        // zod-setup.ts turns zod's eval probe off; it must run before any schema is built. Schemas are built when the
        // chunks holding shared/api evaluate, which happens before the entry's own body: zod and its setup share one
        // chunk, so the setup runs as soon as zod is loaded, ahead of every schema.
        manualChunks: (id) => (id.includes('/node_modules/zod/') || id.endsWith('/renderer/src/zod-setup.ts') ? 'zod' : undefined),
      },
    },
  },
});
