import { mount } from 'svelte';
import './global.css';
import ConsoleApp from './console/ConsoleApp.svelte';
import ScreenApp from './screen/ScreenApp.svelte';
import IndexPage from './IndexPage.svelte';
import { createScreen } from './screen/screen-state.svelte.ts';

/** Client routes of the display app: /display/screen/<group> and /display/console. */
const path = location.pathname.replace(/^\/display\/?/, '');
const screenMatch = /^screen\/([^/]+)\/?$/.exec(path);
const target = document.getElementById('app')!;

if (screenMatch) {
  mount(ScreenApp, { target, props: { screen: createScreen(decodeURIComponent(screenMatch[1]!)) } });
} else if (path.startsWith('console')) mount(ConsoleApp, { target });
else mount(IndexPage, { target });
