import { mount, type Component } from 'svelte';
import './global.css';
import { deviceToken } from '../../shared/client/device-token.ts';

/**
 * Client routes of the kiosk app. /kiosk/device pairs a venue's kiosk; /kiosk/checkin is a
 * paired kiosk's check-in mode; /kiosk/scanner-check lets staff try a camera or USB scanner on
 * set-up day; everything else is the visitor's app, on a phone or a kiosk. Each page is loaded
 * on its own, so a phone on a weak venue network never downloads the scanner.
 */
type Page = () => Promise<{ default: Component }>;
const routes: Record<string, Page> = {
  '/kiosk/device': () => import('./device/KioskPairing.svelte'),
  '/kiosk/checkin': () => import('./checkin/CheckinPage.svelte'),
  '/kiosk/scanner-check': () => import('./checkin/ScannerCheckPage.svelte'),
  // A paired kiosk (or ?touch, to try it) registers by touch alone; a phone gets the form.
  '/kiosk/register': () =>
    deviceToken.get() || new URLSearchParams(location.search).has('touch')
      ? import('./register/TouchRegister.svelte')
      : import('./register/RegisterPage.svelte'),
  '/kiosk/pass': () => import('./pass/PassPage.svelte'),
  '/kiosk/quiz': () => import('./quiz/QuizPage.svelte'),
  '/kiosk/live': () => import('./live/LivePage.svelte'),
};
// A paired kiosk shows the emergency notice over every page and reports its health; phones skip it.
if (deviceToken.get()) (await import('./emergency/kiosk-duties.ts')).startKioskDuties();
const load = routes[location.pathname.replace(/\/+$/, '')] ?? (() => import('./home/HomePage.svelte'));
const { default: page } = await load();
mount(page, { target: document.getElementById('app')! });
