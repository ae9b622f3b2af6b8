import { mount } from 'svelte';
import './global.css';
import HomePage from './home/HomePage.svelte';
import KioskPairing from './device/KioskPairing.svelte';

/** /kiosk/device pairs a venue's kiosk; everything else is the visitor's app. */
const target = document.getElementById('app')!;
if (location.pathname.replace(/\/+$/, '') === '/kiosk/device') mount(KioskPairing, { target });
else mount(HomePage, { target });
