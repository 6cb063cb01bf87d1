// The renderer's Vite config, shared by electron-vite (the app build) and plain Vite (a
// renderer-only build for the web host: `vite build -c renderer/vite.config.ts`).
import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const root = resolve(__dirname);

export default defineConfig({
  root,
  base: './',
  plugins: [vue()],
  build: {
    outDir: resolve(root, '../out/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: resolve(root, 'index.html') },
  },
});
