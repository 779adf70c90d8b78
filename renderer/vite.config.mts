import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [react()],
  resolve: {
    alias: [
      // antd's date-fns picker config imports every date-fns locale; the app needs two (~110 kB gzip saved).
      { find: /^date-fns\/locale$/, replacement: here('./src/components/date-fns-locales.ts') },
    ],
  },
  build: {
    outDir: here('../dist/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    sourcemap: false,
  },
});
