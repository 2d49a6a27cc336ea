// The console's build: one page with hashed assets under assets/, which `bulwark serve` serves at /.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The charting and graph libraries are large on their own; a chunk each keeps the page's own
    // code small and lets the browser cache them across releases.
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        manualChunks: {
          echarts: ['echarts/core', 'echarts/charts', 'echarts/components', 'echarts/renderers'],
          cytoscape: ['cytoscape', 'cytoscape-fcose'],
          mantine: ['@mantine/core', '@mantine/hooks'],
        },
      },
    },
  },
  server: {
    // `npm run dev -w console` against a `bulwark serve` on the default port.
    proxy: { '/v1': 'http://127.0.0.1:8080', '/openapi.json': 'http://127.0.0.1:8080' },
  },
});
