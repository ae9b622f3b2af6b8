import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/** Built into dist/kiosk and served by the hub under /kiosk/. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/kiosk/',
  plugins: [svelte()],
  build: { outDir: '../dist/kiosk', emptyOutDir: true, target: 'es2022' },
  server: {
    fs: { allow: ['..'] },
    proxy: { '/socket.io': { target: 'ws://127.0.0.1:8080', ws: true }, '/media': 'http://127.0.0.1:8080' },
  },
});
