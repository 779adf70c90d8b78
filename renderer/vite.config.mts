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
    rollupOptions: {
      output: {
        // Feature pages are lazy chunks (app/feature.ts lazyPages); the libraries every screen uses get named
        // chunks of their own, antd apart from the rest, so the browser compiles them in parallel.
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          return /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/.test(id) ? 'antd' : 'vendor';
        },
      },
    },
  },
});
