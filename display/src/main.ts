import { mount } from 'svelte';
import './global.css';

/**
 * Client routes of the display app: /display/screen/<group> and /display/console. Each loads only
 * its own code: a screen (often a small player box on a venue's network) never downloads the
 * console, and the console comes in its own chunk.
 */
const path = location.pathname.replace(/^\/display\/?/, '');
const screenMatch = /^screen\/([^/]+)\/?$/.exec(path);
const target = document.getElementById('app')!;

if (screenMatch) {
  const [{ default: ScreenApp }, { createScreen }] = await Promise.all([import('./screen/ScreenApp.svelte'), import('./screen/screen-state.svelte.ts')]);
  mount(ScreenApp, { target, props: { screen: createScreen(decodeURIComponent(screenMatch[1]!)) } });
} else if (path.startsWith('console')) {
  const { default: ConsoleApp } = await import('./console/ConsoleApp.svelte');
  mount(ConsoleApp, { target });
} else {
  const { default: IndexPage } = await import('./IndexPage.svelte');
  mount(IndexPage, { target });
}
