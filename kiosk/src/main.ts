import { mount } from 'svelte';
import './global.css';
import HomePage from './home/HomePage.svelte';

mount(HomePage, { target: document.getElementById('app')! });
