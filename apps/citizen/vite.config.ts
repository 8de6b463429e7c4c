import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { serviceWorkerPlugin } from './vite/service-worker-plugin.ts'

// Served by apps/server at `/`; the staff app owns `/staff/`.
export default defineConfig({
  base: '/',
  plugins: [react(), serviceWorkerPlugin({ entry: 'src/sw/service-worker.ts' })],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  // `npm run dev` here talks to a server started with `npm start` (port 3000 unless told otherwise).
  server: { proxy: { '/api': process.env.API_PROXY_TARGET ?? 'http://127.0.0.1:3000' } },
  preview: { port: 4173 },
})
