import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Layout: electron/{main,preload} and renderer/ instead of electron-vite's default src/.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Native and Electron modules stay external; everything of ours is bundled.
      externalizeDeps: true,
      lib: { entry: resolve(__dirname, 'electron/main/index.ts'), formats: ['cjs'], fileName: () => 'index.js' },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require('electron'): bundle everything else, emit CommonJS.
      externalizeDeps: { exclude: ['zod'] },
      lib: { entry: resolve(__dirname, 'electron/preload/index.ts'), formats: ['cjs'] },
      // electron-vite builds the preload in SSR mode, which ignores lib.fileName: name the file here.
      rolldownOptions: { output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      assetsInlineLimit: 0,
      rolldownOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
