import { defineConfig, type UserConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/** One config for both apps: each is built into dist/<name> and served by the hub under /<name>/. */
export function appConfig(name: 'kiosk' | 'display'): UserConfig {
  return defineConfig({
    root: new URL(`./${name}`, import.meta.url).pathname,
    base: `/${name}/`,
    plugins: [svelte()],
    build: { outDir: `../dist/${name}`, emptyOutDir: true, target: 'es2022' },
    server: {
      fs: { allow: ['..'] },
      // `vite --config <app>/vite.config.ts` during development, with the hub on 8080.
      proxy: {
        '/socket.io': { target: 'ws://127.0.0.1:8080', ws: true },
        '/api': 'http://127.0.0.1:8080',
        '/media': 'http://127.0.0.1:8080',
        '/quiz-images': 'http://127.0.0.1:8080',
      },
    },
  });
}
