import { mount, type Component } from 'svelte';
import './global.css';
import HomePage from './home/HomePage.svelte';
import KioskPairing from './device/KioskPairing.svelte';
import ScannerCheckPage from './checkin/ScannerCheckPage.svelte';
import CheckinPage from './checkin/CheckinPage.svelte';
import RegisterPage from './register/RegisterPage.svelte';
import PassPage from './pass/PassPage.svelte';

/**
 * Client routes of the kiosk app. /kiosk/device pairs a venue's kiosk; /kiosk/checkin is a
 * paired kiosk's check-in mode; /kiosk/scanner-check lets staff try a camera or USB scanner on
 * set-up day; everything else is the visitor's app, on a phone or a kiosk.
 */
const routes: Record<string, Component> = {
  '/kiosk/device': KioskPairing,
  '/kiosk/checkin': CheckinPage,
  '/kiosk/scanner-check': ScannerCheckPage,
  '/kiosk/register': RegisterPage,
  '/kiosk/pass': PassPage,
};
const page = routes[location.pathname.replace(/\/+$/, '')] ?? HomePage;
mount(page, { target: document.getElementById('app')! });
