import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// Served by apps/server under `/staff/`; every asset URL carries that prefix.
export default defineConfig({
  base: '/staff/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  // `npm run dev` here talks to a server started with `npm start` (port 3000 unless told otherwise).
  server: { proxy: { '/api': process.env.API_PROXY_TARGET ?? 'http://127.0.0.1:3000' } },
  preview: { port: 4174 },
})
