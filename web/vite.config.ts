import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { serviceWorkerManifest } from './vite-plugin-service-worker.ts';
import { precompress } from './vite-plugin-precompress.ts';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
// The dev server forwards API and media calls to a StreamHub server (npm start) so the app runs same-origin.
const apiTarget = process.env.STREAMHUB_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: webRoot,
  plugins: [react(), serviceWorkerManifest(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Keeps the first page small: the player, uploader and admin pages are split into their own chunks.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/media': { target: apiTarget, changeOrigin: true },
    },
  },
});
