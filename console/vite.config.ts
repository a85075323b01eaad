// The console is served by the gateway under /console (src/http/console), so
// every asset URL is built relative to that base. Preact's automatic JSX
// runtime through esbuild keeps the toolchain to Vite alone (no Babel).
import { defineConfig } from 'vite'

export default defineConfig({
  base: '/console/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Keeps an unexpected heavy dependency from slipping in unnoticed.
    chunkSizeWarningLimit: 160,
  },
  server: {
    // `npm run dev` next to a gateway on :8080 (make run): API calls go there.
    proxy: {
      '/gateway': 'http://127.0.0.1:8080',
      '/metrics': 'http://127.0.0.1:8080',
    },
  },
})
