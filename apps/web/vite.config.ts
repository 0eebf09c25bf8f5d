import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The web app. `vite build` writes `dist/`, which the server serves; in development
 * `/api` goes to the server on :3000. Vite 8 bundles with rolldown: chunks are split
 * with `output.codeSplitting.groups` (the successor of `advancedChunks`/`manualChunks`).
 */
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/, priority: 20 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|dayjs|@babel[\\/]runtime)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
