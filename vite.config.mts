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
  },
});
