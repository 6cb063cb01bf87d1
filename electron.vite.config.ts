// electron-vite builds the three parts of the app: the main process (with the trainer entry
// that utilityProcess.fork runs), the sandboxed preload (CommonJS, one file) and the Vue
// renderer, which the web host serves too. Output goes to out/.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import renderer from './renderer/vite.config';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          main: resolve(__dirname, 'electron/main/main.ts'),
          trainer: resolve(__dirname, 'electron/trainer/trainerEntry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require npm packages: bundle everything into one file.
      externalizeDeps: false,
      rollupOptions: { input: { preload: resolve(__dirname, 'electron/preload/preload.ts') } },
    },
  },
  renderer,
});
