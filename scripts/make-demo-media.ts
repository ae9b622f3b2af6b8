/**
 * Generates the demo media for the big-screen loop (server/demo/media/):
 * five 1920×1080 slides, one animated title video and manifest.json.
 *
 * Everything is drawn with HTML/CSS/SVG (slides) or a <canvas> (video) in the
 * system Chromium, with locally installed Noto CJK fonts only: the machines
 * that run this have no internet.
 *
 *   npx tsx scripts/make-demo-media.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { ManifestEntry } from '../server/demo/media-manifest.ts';

const OUT_DIR = path.join(import.meta.dirname, '..', 'server', 'demo', 'media');
/** Previews for a human to look at; never shipped. */
const PREVIEW_DIR = path.join(os.tmpdir(), 'eventday-media-preview');

const W = 1920;
const H = 1080;
const SLIDE_MS = 8000;
const JPEG_QUALITY = 82;
const SLIDE_MAX_BYTES = 350 * 1024;
const VIDEO_MAX_BYTES = 1.2 * 1024 * 1024;
const TOTAL_MAX_BYTES = 2.5 * 1024 * 1024;
const VIDEO_SECONDS = 7;
/** Flat graphics stay crisp at this rate and 7 s lands well under the size cap. */
const VIDEO_BITS_PER_SECOND = 900_000;

const THEME = '人人讲安全、个个会应急——畅通生命通道';
const THEME_EN = 'Safety for everyone, emergency skills for all — keep life lanes clear';

// ---------------------------------------------------------------------------
// Visual identity: one palette and one frame for every slide.

const C = {
  blue: '#0A2A5C',
  blueDeep: '#061C42',
  blueMid: '#123F7E',
  blueLight: '#1E56A8',
  orange: '#FF6A13',
  orangeSoft: '#FF8F4D',
  white: '#FFFFFF',
  paper: '#F3F6FB',
  ink: '#0A2A5C',
  muted: '#5B6F91',
  green: '#0E9A4A',
  red: '#E0322B',
  yellow: '#FFC21A',
};

const BASE_CSS = `
  * { margin: 0; padding: 0; box-sizing: border-box; }
  html, body { width: ${W}px; height: ${H}px; overflow: hidden; }
  body {
    position: relative;
    font-family: "Noto Sans CJK SC", sans-serif;
    color: ${C.white};
    background: radial-gradient(ellipse 120% 90% at 85% 10%, ${C.blueMid} 0%, ${C.blue} 55%, ${C.blueDeep} 100%);
    -webkit-font-smoothing: antialiased;
  }
  .en { font-weight: 400; letter-spacing: 0.01em; }
  .serif { font-family: "Noto Serif CJK SC", serif; }
  svg text { font-family: "Noto Sans CJK SC", sans-serif; font-weight: 700; }

  /* Header: who and when, identical on every content slide. */
  .top { position: absolute; left: 0; right: 0; top: 0; height: 132px; padding: 0 96px;
         display: flex; align-items: center; justify-content: space-between; }
  .brand { display: flex; align-items: center; gap: 22px; }
  .brand b { display: block; font-size: 38px; line-height: 1.15; letter-spacing: 0.04em; }
  .brand span { display: block; font-size: 19px; opacity: 0.7; letter-spacing: 0.04em; }
  .when { display: flex; align-items: center; gap: 22px; font-size: 32px; font-weight: 700; }
  .pill { background: ${C.orange}; color: ${C.white}; font-size: 28px; font-weight: 700;
          padding: 8px 26px 10px; border-radius: 999px; letter-spacing: 0.06em; }

  /* Footer: the theme line on a white band with a hazard-stripe tab. */
  .theme { position: absolute; left: 0; right: 0; bottom: 0; height: 112px; background: ${C.white};
           color: ${C.ink}; display: flex; align-items: center; gap: 40px; padding-right: 96px; }
  .stripes { width: 150px; height: 100%;
             background: repeating-linear-gradient(-45deg, ${C.orange} 0 26px, ${C.blue} 26px 52px); }
  .theme .line { flex: 1; }
  .theme b { display: block; font-size: 42px; line-height: 1.2; letter-spacing: 0.05em; }
  .theme span { display: block; font-size: 20px; color: ${C.muted}; }
  .theme .tag { text-align: right; font-size: 24px; font-weight: 700; color: ${C.orange}; }
  .theme .tag span { font-weight: 400; font-size: 17px; }

  /* Content area between header and footer. */
  .main { position: absolute; left: 96px; right: 96px; top: 132px; bottom: 112px; }
  .kicker { display: inline-flex; align-items: center; gap: 16px; font-size: 28px; font-weight: 700;
            color: ${C.orange}; letter-spacing: 0.12em; }
  .kicker::before { content: ""; width: 56px; height: 8px; background: ${C.orange}; border-radius: 4px; }
  .kicker .en { font-size: 22px; letter-spacing: 0.14em; color: ${C.orangeSoft}; text-transform: uppercase; }
  h1 { font-size: 124px; line-height: 1.12; font-weight: 700; letter-spacing: 0.04em; margin-top: 14px; }
  .h1en { font-size: 34px; opacity: 0.8; margin-top: 12px; }
`;

/** The shield-and-cross emblem (the cross is the Chinese work-safety mark). */
function emblem(size: number): string {
  return `<svg width="${size}" height="${size}" viewBox="0 0 100 100">
    <path d="M50 3 L91 17 V47 C91 73 73 90 50 97 C27 90 9 73 9 47 V17 Z" fill="${C.orange}"/>
    <path d="M50 12 L83 23 V47 C83 68 69 82 50 88 C31 82 17 68 17 47 V23 Z" fill="none" stroke="${C.white}" stroke-width="3" opacity="0.85"/>
    <path d="M42 28 H58 V42 H72 V58 H58 V72 H42 V58 H28 V42 H42 Z" fill="${C.white}"/>
  </svg>`;
}

/** Running figure as on a Chinese safety-exit sign, in a 100×100 box. */
function runner(color: string): string {
  return `<g fill="none" stroke="${color}" stroke-width="10" stroke-linecap="round" stroke-linejoin="round">
    <circle cx="63" cy="13" r="9" fill="${color}" stroke="none"/>
    <path d="M56 28 L43 58"/>
    <path d="M55 31 L69 44 L82 37"/>
    <path d="M53 32 L38 38 L30 51"/>
    <path d="M43 58 L61 68 L62 89"/>
    <path d="M43 58 L31 74 L14 78"/>
  </g>`;
}

/** Green safety-exit sign: running figure, door, arrow, 安全出口 / EXIT. */
function exitSign(x: number, y: number, w: number): string {
  const s = w / 300;
  return `<g transform="translate(${x} ${y}) scale(${s})">
    <rect width="300" height="140" rx="10" fill="${C.green}" stroke="${C.white}" stroke-width="5"/>
    <g transform="translate(18 14) scale(0.8)">${runner(C.white)}</g>
    <rect x="100" y="18" width="46" height="74" fill="none" stroke="${C.white}" stroke-width="7"/>
    <path d="M170 55 H262 M238 32 L264 55 L238 78" fill="none" stroke="${C.white}" stroke-width="12" stroke-linecap="round" stroke-linejoin="round"/>
    <text x="150" y="128" fill="${C.white}" font-size="26" text-anchor="middle" letter-spacing="6">安全出口 EXIT</text>
  </g>`;
}

/** Side-view e-bike (step-through frame, battery under the seat), wheels on y=0. */
function ebike(x: number, y: number, s: number, color: string, battery: string): string {
  return `<g transform="translate(${x} ${y}) scale(${s})" fill="none" stroke="${color}" stroke-width="9" stroke-linecap="round" stroke-linejoin="round">
    <circle cx="0" cy="-40" r="38"/><circle cx="180" cy="-40" r="38"/>
    <path d="M0 -40 L40 -60 L110 -60 L140 -130 L180 -40"/>
    <path d="M0 -40 L52 -112"/>
    <path d="M30 -118 H82"/>
    <path d="M140 -130 L132 -152 H164"/>
    <path d="M-8 -88 H48"/>
    <rect x="38" y="-100" width="62" height="30" rx="6" fill="${battery}" stroke="none"/>
    <rect x="150" y="-128" width="38" height="28" rx="4" stroke-width="6"/>
  </g>`;
}

/** Header + footer around a slide body. */
function frame(body: string, extraCss = ''): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${BASE_CSS}${extraCss}</style></head><body>
    <header class="top">
      <div class="brand">${emblem(72)}<div><b>第十九届安全文化节</b><span>19th Safety Culture Festival · Tongzhou District</span></div></div>
      <div class="when"><span class="pill">安全宣传咨询日</span><span>6月14日 · 台湖主会场</span></div>
    </header>
    <div class="main">${body}</div>
    <footer class="theme">
      <div class="stripes"></div>
      <div class="line"><b>${THEME}</b><span class="en">${THEME_EN}</span></div>
      <div class="tag">通州区 · 安全生产月<span class="en">Tongzhou Work Safety Month</span></div>
    </footer>
  </body></html>`;
}

/** Left column of text, right column illustration: the layout of slides (b) and (c). */
function textAndArt(o: { kicker: string; kickerEn: string; title: string; titleEn: string; points: [string, string][]; art: string }): string {
  const points = o.points.map(([zh, en], i) => `<li><i>${i + 1}</i><div><b>${zh}</b><span class="en">${en}</span></div></li>`).join('');
  return frame(
    `<div class="col">
       <div class="kicker">${o.kicker}<span class="en">${o.kickerEn}</span></div>
       <h1>${o.title}</h1>
       <div class="h1en en">${o.titleEn}</div>
       <ul>${points}</ul>
     </div>
     <div class="art">${o.art}</div>`,
    `.col { position: absolute; left: 0; top: 56px; width: 900px; }
     .art { position: absolute; right: 0; top: 40px; width: 820px; height: 700px; }
     ul { list-style: none; margin-top: 48px; display: flex; flex-direction: column; gap: 32px; }
     li { display: flex; align-items: center; gap: 24px; }
     li i { flex: none; width: 64px; height: 64px; border-radius: 50%; background: ${C.orange}; font-style: normal;
            font-size: 36px; font-weight: 700; display: flex; align-items: center; justify-content: center; }
     li b { display: block; font-size: 42px; line-height: 1.25; }
     li span { display: block; font-size: 22px; opacity: 0.72; }`,
  );
}

// ---------------------------------------------------------------------------
// The five slides.

/** (a) Festival opening: a hero layout, no header, since it *is* the header. */
function slideOpening(): string {
  const rings = [260, 215, 170]
    .map(
      (r, i) =>
        `<circle cx="300" cy="300" r="${r}" fill="none" stroke="${C.white}" stroke-opacity="${0.1 + i * 0.06}" stroke-width="${i === 0 ? 2 : 3}" ${i === 0 ? 'stroke-dasharray="6 14"' : ''}/>`,
    )
    .join('');
  const rays = Array.from({ length: 24 }, (_, i) => {
    const a = (i * Math.PI * 2) / 24;
    const [x1, y1, x2, y2] = [300 + Math.cos(a) * 272, 300 + Math.sin(a) * 272, 300 + Math.cos(a) * 292, 300 + Math.sin(a) * 292];
    return `<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="${C.orange}" stroke-width="6" stroke-linecap="round"/>`;
  }).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${BASE_CSS}
    .slab { position: absolute; right: 0; bottom: 150px; width: 900px; height: 250px; background: ${C.orange};
            clip-path: polygon(32% 0, 100% 0, 100% 100%, 0 100%); opacity: 0.95; }
    .slab::after { content: ""; position: absolute; inset: 0 0 auto 0; height: 26px;
                   background: repeating-linear-gradient(-45deg, ${C.blue} 0 20px, transparent 20px 40px); }
    .badge { position: absolute; right: 150px; top: 48px; width: 600px; height: 600px; }
    .slab b { position: absolute; right: 96px; top: 60px; font-size: 64px; letter-spacing: 0.14em; line-height: 1.2; text-align: right; }
    .slab span { position: absolute; right: 96px; top: 146px; font-size: 24px; letter-spacing: 0.1em; opacity: 0.92; }
    .head { position: absolute; left: 120px; top: 70px; display: flex; align-items: center; gap: 22px; }
    .head b { display: block; font-size: 36px; letter-spacing: 0.08em; }
    .head span { display: block; font-size: 20px; opacity: 0.72; letter-spacing: 0.05em; }
    .hero { position: absolute; left: 120px; top: 215px; }
    .nth { font-size: 76px; font-weight: 700; color: ${C.orange}; letter-spacing: 0.12em; line-height: 1.1; }
    .name { font-size: 190px; font-weight: 700; line-height: 1.1; letter-spacing: 0.06em; }
    .day { display: inline-block; margin-top: 22px; background: ${C.white}; color: ${C.blue}; font-size: 64px;
           font-weight: 700; letter-spacing: 0.12em; padding: 6px 36px 12px; border-radius: 14px; }
    .heroen { font-size: 30px; opacity: 0.82; margin-top: 20px; letter-spacing: 0.02em; }
    .facts { position: absolute; left: 120px; top: 770px; display: flex; align-items: center; gap: 44px; }
    .facts b { display: block; font-size: 84px; line-height: 1.05; font-weight: 700; }
    .facts span { display: block; font-size: 24px; opacity: 0.8; letter-spacing: 0.1em; text-transform: uppercase; }
    .facts .sep { width: 6px; height: 110px; background: ${C.orange}; border-radius: 3px; }
    .themebar { position: absolute; left: 0; right: 0; bottom: 0; height: 150px; background: ${C.white}; color: ${C.blue};
                display: flex; align-items: center; gap: 44px; }
    .themebar .stripes { width: 96px; height: 100%;
                         background: repeating-linear-gradient(-45deg, ${C.orange} 0 26px, ${C.blue} 26px 52px); }
    .themebar b { display: block; font-size: 62px; letter-spacing: 0.06em; line-height: 1.2; }
    .themebar span { display: block; font-size: 24px; color: ${C.muted}; }
  </style></head><body>
    <div class="slab"><b>安全生产月</b><span class="en">WORK SAFETY MONTH · JUNE</span></div>
    <svg class="badge" viewBox="0 0 600 600">
      ${rings}${rays}
      <g transform="translate(150 150) scale(3)">
        <path d="M50 3 L91 17 V47 C91 73 73 90 50 97 C27 90 9 73 9 47 V17 Z" fill="${C.orange}"/>
        <path d="M50 12 L83 23 V47 C83 68 69 82 50 88 C31 82 17 68 17 47 V23 Z" fill="none" stroke="${C.white}" stroke-width="2.2"/>
        <path d="M42 28 H58 V42 H72 V58 H58 V72 H42 V58 H28 V42 H42 Z" fill="${C.white}"/>
      </g>
    </svg>
    <div class="head">${emblem(84)}<div><b>通州区 · 安全生产月</b><span class="en">Tongzhou District · Work Safety Month</span></div></div>
    <div class="hero">
      <div class="nth">第十九届</div>
      <div class="name serif">安全文化节</div>
      <div class="day">安全宣传咨询日</div>
      <div class="heroen en">The 19th Safety Culture Festival · Safety Publicity Consultation Day</div>
    </div>
    <div class="facts">
      <div><b>6月14日</b><span class="en">14 June</span></div>
      <div class="sep"></div>
      <div><b>台湖主会场</b><span class="en">Taihu Main Venue</span></div>
    </div>
    <div class="themebar"><div class="stripes"></div><div><b>${THEME}</b><span class="en">${THEME_EN}</span></div></div>
  </body></html>`;
}

/** (b) Keep fire lanes and evacuation routes clear. */
function slideFireLanes(): string {
  const windows = Array.from({ length: 3 }, (_, r) =>
    Array.from(
      { length: 4 },
      (_, c) => `<rect x="${474 + c * 76}" y="${74 + r * 70}" width="46" height="46" rx="4" fill="${C.white}" opacity="${(r + c) % 3 === 0 ? 0.55 : 0.18}"/>`,
    ).join(''),
  ).join('');
  const rungs = Array.from(
    { length: 12 },
    (_, i) => `<line x1="${124 + i * 28}" y1="318" x2="${124 + i * 28}" y2="340" stroke="${C.white}" stroke-width="4"/>`,
  ).join('');
  const art = `<svg width="820" height="700" viewBox="0 0 820 700">
    <defs>
      <clipPath id="panel"><rect width="820" height="700" rx="36"/></clipPath>
      <pattern id="hatch" width="34" height="34" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="14" height="34" fill="${C.yellow}"/>
      </pattern>
    </defs>
    <g clip-path="url(#panel)">
      <rect width="820" height="700" fill="${C.blueMid}"/>
      <!-- building with a lit exit sign -->
      <rect x="440" y="40" width="340" height="440" fill="${C.blueLight}"/>
      ${windows}
      <rect x="694" y="372" width="66" height="100" fill="${C.blueDeep}"/>
      <rect x="694" y="372" width="66" height="100" fill="none" stroke="${C.white}" stroke-width="5" opacity="0.7"/>
      ${exitSign(606, 278, 168)}
      <!-- no-parking sign: blue disc, red ring, red slash -->
      <line x1="150" y1="170" x2="150" y2="470" stroke="#C9D3E3" stroke-width="12"/>
      <circle cx="150" cy="140" r="74" fill="#1F5FD1" stroke="${C.red}" stroke-width="18"/>
      <line x1="100" y1="90" x2="200" y2="190" stroke="${C.red}" stroke-width="18"/>
      <!-- road with the painted fire-lane marking -->
      <rect x="0" y="470" width="820" height="230" fill="#0A2145"/>
      <rect x="0" y="470" width="820" height="8" fill="#3D5E93"/>
      <rect x="36" y="584" width="748" height="92" fill="url(#hatch)" opacity="0.35"/>
      <rect x="36" y="584" width="748" height="92" fill="none" stroke="${C.yellow}" stroke-width="8"/>
      <text x="410" y="646" fill="${C.yellow}" font-size="46" text-anchor="middle" letter-spacing="10">消防车通道 严禁占用</text>
      <!-- speed lines: the lane is clear, the truck gets through -->
      <g stroke="${C.white}" stroke-width="8" stroke-linecap="round" opacity="0.45">
        <line x1="14" y1="400" x2="70" y2="400"/><line x1="34" y1="440" x2="76" y2="440"/><line x1="4" y1="520" x2="60" y2="520"/>
      </g>
      <!-- fire truck -->
      <rect x="110" y="314" width="350" height="30" rx="4" fill="none" stroke="${C.white}" stroke-width="5"/>
      ${rungs}
      <rect x="96" y="350" width="400" height="160" rx="12" fill="${C.red}"/>
      <g fill="#B7221C"><rect x="116" y="368" width="110" height="84" rx="6"/><rect x="238" y="368" width="110" height="84" rx="6"/><rect x="360" y="368" width="110" height="84" rx="6"/></g>
      <text x="293" y="430" fill="${C.white}" font-size="56" text-anchor="middle">119</text>
      <path d="M496 510 V380 Q496 366 510 366 H600 Q612 366 620 378 L668 452 Q674 462 674 474 V510 Z" fill="${C.red}"/>
      <path d="M516 386 H596 L640 452 H516 Z" fill="#CFE8FF"/>
      <rect x="530" y="352" width="56" height="16" rx="4" fill="#3D8BFF"/><rect x="558" y="352" width="28" height="16" rx="4" fill="#FF4B4B"/>
      <rect x="96" y="466" width="578" height="14" fill="${C.white}"/>
      <rect x="650" y="492" width="36" height="20" rx="4" fill="#D9DEE7"/>
      <g fill="#141A24"><circle cx="200" cy="514" r="44"/><circle cx="580" cy="514" r="44"/></g>
      <g fill="#C7D0DD"><circle cx="200" cy="514" r="17"/><circle cx="580" cy="514" r="17"/></g>
    </g>
  </svg>`;
  return textAndArt({
    kicker: '生命通道',
    kickerEn: 'Life lanes',
    title: '畅通生命通道',
    titleEn: 'Keep fire lanes and evacuation routes clear',
    points: [
      ['不占用、堵塞、封闭消防车通道', 'Never park in or block a fire-engine lane'],
      ['楼道、疏散通道不堆放杂物', 'Keep stairwells and escape routes free of clutter'],
      ['安全出口、疏散门保持畅通', 'Safety exits and escape doors must stay open'],
    ],
    art,
  });
}

/** (c) E-bike charging: not indoors or in corridors — use the charging shed. */
function slideEbike(): string {
  const card = (y: number, ok: boolean, scene: string, zh: string, en: [string, string]) => {
    const tone = ok ? C.green : C.red;
    const mark = ok
      ? `<circle cx="0" cy="0" r="44" fill="${tone}"/><path d="M-20 2 L-6 17 L22 -15" fill="none" stroke="${C.white}" stroke-width="11" stroke-linecap="round" stroke-linejoin="round"/>`
      : `<circle cx="0" cy="0" r="44" fill="${tone}"/><path d="M-16 -16 L16 16 M16 -16 L-16 16" stroke="${C.white}" stroke-width="11" stroke-linecap="round"/>`;
    return `<g transform="translate(0 ${y})">
      <rect width="820" height="330" rx="30" fill="${C.white}"/>
      <g>${scene}</g>
      <g transform="translate(518 84) scale(0.8)">${mark}</g>
      <text x="568" y="98" fill="${tone}" font-size="40" letter-spacing="4">${ok ? '正确做法' : '禁止'}</text>
      <text x="480" y="178" fill="${C.ink}" font-size="42">${zh}</text>
      <text x="482" y="230" fill="${C.muted}" font-size="24" style="font-weight:400">${en[0]}</text>
      <text x="482" y="264" fill="${C.muted}" font-size="24" style="font-weight:400">${en[1]}</text>
    </g>`;
  };
  // Inside a corridor: door, wall socket, trailing cable — crossed out.
  const indoor = `
    <rect x="40" y="30" width="400" height="270" rx="18" fill="#E6ECF5"/>
    <rect x="40" y="250" width="400" height="50" fill="#CBD5E4"/>
    <rect x="300" y="70" width="100" height="180" rx="4" fill="#A9B8CE"/><circle cx="386" cy="165" r="6" fill="${C.ink}"/>
    <rect x="70" y="150" width="34" height="44" rx="6" fill="${C.white}" stroke="${C.ink}" stroke-width="4"/>
    <path d="M87 194 C 90 240, 150 250, 160 200" fill="none" stroke="${C.ink}" stroke-width="5"/>
    ${ebike(120, 282, 0.78, C.ink, C.orange)}
    <circle cx="240" cy="165" r="118" fill="none" stroke="${C.red}" stroke-width="18"/>
    <line x1="157" y1="82" x2="323" y2="248" stroke="${C.red}" stroke-width="18"/>`;
  // The charging shed: roof, posts, charging pile with a bolt, bike plugged in.
  const shed = `
    <rect x="40" y="30" width="400" height="270" rx="18" fill="#E8F5EE"/>
    <path d="M60 96 L240 46 L420 96 Z" fill="${C.orange}"/>
    <rect x="80" y="96" width="12" height="180" fill="${C.ink}"/><rect x="388" y="96" width="12" height="180" fill="${C.ink}"/>
    <rect x="40" y="276" width="400" height="24" fill="#BFDCCB"/>
    <rect x="320" y="150" width="56" height="126" rx="10" fill="${C.green}"/>
    <rect x="330" y="162" width="36" height="28" rx="4" fill="#CFF2DC"/>
    <path d="M352 202 L338 232 H350 L344 258 L362 222 H350 Z" fill="${C.white}"/>
    <path d="M320 240 C 290 250, 270 230, 262 212" fill="none" stroke="${C.ink}" stroke-width="5"/>
    ${ebike(118, 276, 0.78, C.ink, C.orange)}`;
  const art = `<svg width="820" height="700" viewBox="0 0 820 700">
    ${card(0, false, indoor, '入户、楼道充电', ['No charging inside homes,', 'corridors or stairwells'])}
    ${card(370, true, shed, '集中充电棚充电', ['Charge only at the', 'community charging shed'])}
  </svg>`;
  return textAndArt({
    kicker: '安全充电',
    kickerEn: 'Charge safely',
    title: '电动自行车<br>安全充电',
    titleEn: 'E-bike charging safety',
    points: [
      ['严禁进楼入户、楼道停放充电', 'No parking or charging indoors or in corridors'],
      ['请到集中充电棚、充电桩充电', 'Use the charging shed and charging posts'],
      ['严禁私拉电线、“飞线”充电', 'No makeshift cables out of windows'],
    ],
    art,
  });
}

/** (d) Emergency numbers, as large as the screen allows. */
function slideEmergency(): string {
  const icons = {
    fire: `<path d="M50 6 C56 28 78 38 78 64 C78 82 65 94 50 94 C35 94 22 82 22 64 C22 48 32 42 34 28 C42 38 44 44 44 50 C50 40 52 24 50 6 Z" fill="#fff"/>
           <path d="M50 56 C54 66 62 70 62 80 C62 88 56 92 50 92 C44 92 38 88 38 80 C38 72 46 68 50 56 Z" fill="currentColor"/>`,
    aid: `<path d="M38 12 H62 V38 H88 V62 H62 V88 H38 V62 H12 V38 H38 Z" fill="#fff"/>`,
    police: `<path d="M50 6 L86 18 V46 C86 70 70 86 50 94 C30 86 14 70 14 46 V18 Z" fill="#fff"/>
             <path d="M50 28 L56 44 L73 44 L59 54 L64 70 L50 60 L36 70 L41 54 L27 44 L44 44 Z" fill="currentColor"/>`,
    traffic: `<path d="M50 8 L94 88 H6 Z" fill="#fff" stroke="#fff" stroke-width="6" stroke-linejoin="round"/>
              <rect x="45" y="36" width="10" height="28" rx="4" fill="currentColor"/><circle cx="50" cy="75" r="6" fill="currentColor"/>`,
  };
  const cards: [string, string, string, string, string][] = [
    ['119', '火警', 'Fire', '#E8471C', icons.fire],
    ['120', '急救', 'Ambulance', '#D21F3C', icons.aid],
    ['110', '报警', 'Police', '#1D5BD6', icons.police],
    ['122', '交通事故', 'Traffic accident', '#E88A00', icons.traffic],
  ];
  const grid = cards
    .map(
      ([num, zh, en, color, icon]) => `<div class="card" style="--c:${color}">
        <div class="band"><svg viewBox="0 0 100 100" width="84" height="84" style="color:${color}">${icon}</svg><span class="en">${en}</span></div>
        <div class="num">${num}</div>
        <div class="zh">${zh}</div>
      </div>`,
    )
    .join('');
  return frame(
    `<div class="kicker">应急常识<span class="en">Emergency basics</span></div>
     <div class="row"><h1>牢记应急电话</h1><div class="h1en en">Remember these numbers</div></div>
     <div class="grid">${grid}</div>
     <div class="tip"><b>拨打时讲清：地点 · 发生了什么 · 伤亡情况 · 联系电话</b>
       <span class="en">When you call, say where you are, what happened, who is hurt, and your phone number</span></div>`,
    `.main > .kicker { margin-top: 26px; }
     .row { display: flex; align-items: baseline; gap: 36px; }
     .row h1 { font-size: 92px; margin-top: 4px; }
     .row .h1en { font-size: 32px; }
     .grid { display: grid; grid-template-columns: repeat(4, 1fr); gap: 34px; margin-top: 26px; }
     .card { background: ${C.white}; border-radius: 28px; overflow: hidden; height: 456px; color: ${C.ink};
             display: flex; flex-direction: column; align-items: center; }
     .band { width: 100%; height: 118px; background: var(--c); display: flex; align-items: center; gap: 22px; padding: 0 30px;
             color: ${C.white}; font-size: 30px; font-weight: 700; letter-spacing: 0.04em; }
     .num { font-size: 204px; font-weight: 700; line-height: 1; margin-top: 26px; color: var(--c); letter-spacing: -0.02em; }
     .zh { font-size: 64px; font-weight: 700; margin-top: 4px; letter-spacing: 0.1em; }
     .tip { margin-top: 30px; border-left: 12px solid ${C.orange}; padding: 6px 0 6px 28px; }
     .tip b { display: block; font-size: 40px; }
     .tip span { display: block; font-size: 22px; opacity: 0.75; margin-top: 2px; }`,
  );
}

/** (e) The day's activities, and how visitors take part. */
function slideActivities(): string {
  const icons = {
    // VR headset: immersive hands-on learning
    vr: `<rect x="14" y="36" width="132" height="74" rx="26" fill="${C.white}"/>
         <circle cx="52" cy="73" r="18" fill="${C.blue}"/><circle cx="108" cy="73" r="18" fill="${C.blue}"/>
         <path d="M70 110 Q80 96 90 110" fill="${C.blue}"/>
         <path d="M14 62 H2 M146 62 H158" stroke="${C.white}" stroke-width="10" stroke-linecap="round"/>
         <path d="M40 36 Q80 8 120 36" fill="none" stroke="${C.white}" stroke-width="10" stroke-linecap="round"/>`,
    // helmet + extinguisher: rescue equipment on show
    gear: `<path d="M10 92 Q10 40 58 34 Q106 40 106 92 Z" fill="${C.white}"/>
           <rect x="2" y="90" width="116" height="16" rx="8" fill="${C.white}"/>
           <rect x="52" y="24" width="12" height="30" rx="5" fill="${C.white}"/>
           <rect x="120" y="46" width="34" height="90" rx="14" fill="${C.white}"/>
           <rect x="130" y="30" width="14" height="18" fill="${C.white}"/>
           <path d="M137 34 H112 L104 52" fill="none" stroke="${C.white}" stroke-width="7" stroke-linecap="round"/>
           <rect x="120" y="74" width="34" height="10" fill="${C.blue}"/>`,
    // scales of justice: legal consultation
    law: `<rect x="74" y="20" width="12" height="108" rx="4" fill="${C.white}"/>
          <rect x="42" y="124" width="76" height="14" rx="6" fill="${C.white}"/>
          <rect x="20" y="34" width="120" height="10" rx="5" fill="${C.white}"/>
          <circle cx="80" cy="24" r="10" fill="${C.white}"/>
          <path d="M30 44 L12 92 H48 Z M130 44 L112 92 H148 Z" fill="none" stroke="${C.white}" stroke-width="5" stroke-linejoin="round"/>
          <path d="M8 92 H52 Q30 116 8 92 Z M108 92 H152 Q130 116 108 92 Z" fill="${C.white}"/>`,
  };
  const acts: [string, string, string, string][] = [
    ['沉浸式体验学习', 'Immersive hands-on learning', '亲身体验 · 边学边练', icons.vr],
    ['应急救援装备展示', 'Rescue equipment on show', '近距离了解救援装备', icons.gear],
    ['普法咨询', 'Safety law advice', '安全生产法律法规 · 现场答疑', icons.law],
  ];
  const cards = acts
    .map(
      ([zh, en, sub, icon], i) => `<div class="act">
        <div class="ico"><svg viewBox="0 0 160 140" width="170" height="150">${icon}</svg></div>
        <div class="no">0${i + 1}</div>
        <b>${zh}</b><span class="en">${en}</span><em>${sub}</em>
      </div>`,
    )
    .join('');
  const stepIcons = [
    // phone with a scan frame
    `<rect x="26" y="6" width="48" height="88" rx="10" fill="none" stroke="${C.white}" stroke-width="7"/>
     <path d="M38 32 V24 H46 M54 24 H62 V32 M62 54 V62 H54 M46 62 H38 V54" fill="none" stroke="${C.white}" stroke-width="5"/>
     <circle cx="50" cy="82" r="4" fill="${C.white}"/>`,
    // stamp
    `<rect x="38" y="8" width="24" height="34" rx="10" fill="${C.white}"/>
     <rect x="22" y="42" width="56" height="22" rx="6" fill="${C.white}"/>
     <rect x="14" y="70" width="72" height="10" rx="4" fill="${C.white}"/>
     <circle cx="50" cy="90" r="4" fill="${C.white}"/>`,
    // gift box
    `<rect x="14" y="40" width="72" height="52" rx="6" fill="${C.white}"/>
     <rect x="8" y="28" width="84" height="16" rx="4" fill="${C.white}"/>
     <rect x="45" y="28" width="10" height="64" fill="${C.orange}"/>
     <path d="M50 28 C40 8 22 14 30 26 M50 28 C60 8 78 14 70 26" fill="none" stroke="${C.white}" stroke-width="6" stroke-linecap="round"/>`,
  ];
  const steps = ['扫码注册', '打卡集章', '答题赢奖']
    .map((s, i) => `<div class="step"><svg viewBox="0 0 100 100" width="76" height="76">${stepIcons[i]}</svg><b>${s}</b></div>`)
    .join('<div class="dot">·</div>');
  return frame(
    `<div class="kicker">今日活动<span class="en">Today at the venue</span></div>
     <div class="row"><h1>学安全 · 看装备 · 问法律</h1></div>
     <div class="acts">${cards}</div>
     <div class="join"><div class="steps">${steps}</div>
       <span class="en">Scan to register · Collect stamps at each booth · Answer the quiz to win prizes</span></div>`,
    `.main > .kicker { margin-top: 26px; }
     .row h1 { font-size: 84px; margin-top: 4px; }
     .acts { display: grid; grid-template-columns: repeat(3, 1fr); gap: 36px; margin-top: 24px; }
     .act { position: relative; background: rgba(255,255,255,0.08); border: 2px solid rgba(255,255,255,0.18);
            border-radius: 28px; height: 392px; padding: 30px 36px 32px; display: flex; flex-direction: column; }
     .act .ico { position: absolute; right: 34px; top: 30px; opacity: 0.95; }
     .act .no { font-size: 44px; font-weight: 700; color: ${C.orange}; letter-spacing: 0.08em; }
     .act b { font-size: 52px; line-height: 1.2; margin-top: 118px; }
     .act span { font-size: 24px; opacity: 0.8; }
     .act em { font-style: normal; font-size: 26px; color: ${C.orangeSoft}; margin-top: auto; font-weight: 700; }
     .join { position: absolute; left: 0; right: 0; bottom: 30px; height: 160px; background: ${C.orange}; border-radius: 28px;
             display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 6px; }
     .steps { display: flex; align-items: center; gap: 34px; }
     .step { display: flex; align-items: center; gap: 16px; }
     .step b { font-size: 64px; letter-spacing: 0.08em; }
     .dot { font-size: 64px; font-weight: 700; opacity: 0.8; }
     .join span { font-size: 24px; opacity: 0.95; }`,
  );
}

// ---------------------------------------------------------------------------
// The title video: drawn on a canvas, recorded by MediaRecorder in the page.
// The page code is a plain string so no build-time helpers leak into it.

const VIDEO_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<style>html,body{margin:0;background:#000;overflow:hidden}canvas{display:block}</style></head><body>
<canvas width="${W}" height="${H}"></canvas>
<script>
const W = ${W}, H = ${H};
const C = ${JSON.stringify(C)};
const FONT = '"Noto Sans CJK SC", sans-serif';
const clamp = (x) => Math.max(0, Math.min(1, x));
const ease = (x) => 1 - Math.pow(1 - clamp(x), 3);
const layer = (w, h, paint) => { const c = document.createElement('canvas'); c.width = w; c.height = h; paint(c.getContext('2d')); return c; };

// Static layers are painted once: a software canvas cannot redraw text and gradients at 30 fps.
let bg, ground, lines = {};
function prepare() {
  bg = layer(W, H, (g) => {
    const grad = g.createRadialGradient(W * 0.8, H * 0.1, 50, W * 0.6, H * 0.4, W);
    grad.addColorStop(0, C.blueMid); grad.addColorStop(0.55, C.blue); grad.addColorStop(1, C.blueDeep);
    g.fillStyle = grad; g.fillRect(0, 0, W, H);
  });
  ground = layer(W, H, (g) => {
    const fade = g.createLinearGradient(1000, 0, W, 0);
    fade.addColorStop(0, 'rgba(6,28,66,0)'); fade.addColorStop(0.35, 'rgba(6,28,66,0.85)'); fade.addColorStop(1, 'rgba(6,28,66,1)');
    g.fillStyle = fade; g.fillRect(1000, VP.y, W - 1000, H - VP.y);
    const hz = g.createLinearGradient(1000, 0, W, 0);
    hz.addColorStop(0, 'rgba(255,255,255,0)'); hz.addColorStop(1, 'rgba(255,255,255,0.45)');
    g.fillStyle = hz; g.fillRect(1000, VP.y - 2, W - 1000, 4);
    // faint city skyline on the horizon
    g.fillStyle = 'rgba(255,255,255,0.07)';
    [[1240, 60], [1300, 110], [1372, 80], [1430, 140], [1700, 120], [1772, 70], [1830, 150]].forEach(([x, h]) => g.fillRect(x, VP.y - h, 52, h));
  });
  const text = (str, size, color, weight = 700) => {
    const probe = document.createElement('canvas').getContext('2d');
    probe.font = weight + ' ' + size + 'px ' + FONT;
    const w = Math.ceil(probe.measureText(str).width) + 20;
    return layer(w, Math.ceil(size * 1.45), (g) => {
      g.font = weight + ' ' + size + 'px ' + FONT; g.fillStyle = color; g.textBaseline = 'top'; g.fillText(str, 4, size * 0.12);
    });
  };
  lines.l1 = text('人人讲安全、个个会应急', 104, C.white);
  lines.l2 = text('——畅通生命通道', 136, C.orange);
  lines.en = text(${JSON.stringify(THEME_EN)}, 34, 'rgba(255,255,255,0.85)', 400);
  lines.tag = text('第十九届安全文化节 · 安全宣传咨询日 · 6月14日 · 台湖主会场', 34, C.blue);
  lines.exitZh = text('安全出口', 46, C.white);
  lines.exitEn = text('EXIT', 46, C.white);
}

// Perspective lane: dashes move toward the viewer to give the sense of a clear route.
const VP = { x: 1620, y: 390 };
function lane(g, t) {
  const proj = (u, z) => ({ x: VP.x + (u * 560) / z, y: VP.y + 640 / z });
  // A ground plane and horizon, so the lane reads as a road running away, not a peak.
  g.drawImage(ground, 0, 0);
  g.fillStyle = '#0B2552';
  const a = proj(-1, 1), b = proj(1, 1);
  g.beginPath(); g.moveTo(VP.x, VP.y); g.lineTo(b.x, b.y); g.lineTo(a.x, a.y); g.closePath(); g.fill();
  // edge lines
  g.strokeStyle = C.orange; g.lineWidth = 10;
  for (const u of [-1, 1]) { const p = proj(u, 0.9); g.beginPath(); g.moveTo(VP.x, VP.y); g.lineTo(p.x, p.y); g.stroke(); }
  // moving centre dashes
  g.fillStyle = C.white;
  const speed = 2.2, gap = 1.2;
  for (let i = 0; i < 14; i++) {
    let z = ((i * gap - t * speed) % (14 * gap) + 14 * gap) % (14 * gap) + 0.6;
    const z2 = z + gap * 0.5;
    const p1 = proj(-0.03, z), p2 = proj(0.03, z), p3 = proj(0.03, z2), p4 = proj(-0.03, z2);
    g.globalAlpha = clamp(1.6 - z / 8);
    g.beginPath(); g.moveTo(p1.x, p1.y); g.lineTo(p2.x, p2.y); g.lineTo(p3.x, p3.y); g.lineTo(p4.x, p4.y); g.closePath(); g.fill();
  }
  g.globalAlpha = 1;
}

// Hazard stripes that scroll slowly along a thin bar.
function stripes(g, y, h, t) {
  g.save(); g.beginPath(); g.rect(0, y, W, h); g.clip();
  g.fillStyle = C.orange; g.fillRect(0, y, W, h);
  g.fillStyle = C.blue;
  const step = 56, off = (t * 60) % step;
  for (let x = -step * 2 + off; x < W + step; x += step) {
    g.beginPath(); g.moveTo(x, y + h); g.lineTo(x + h, y); g.lineTo(x + h + step / 2, y); g.lineTo(x + step / 2, y + h); g.closePath(); g.fill();
  }
  g.restore();
}

// Running figure with a simple gait cycle: limbs swing around hips and shoulders.
function runner(g, x, y, s, phase) {
  g.save(); g.translate(x, y); g.scale(s, s);
  g.strokeStyle = C.white; g.fillStyle = C.white; g.lineWidth = 11; g.lineCap = 'round'; g.lineJoin = 'round';
  const sw = Math.sin(phase), bob = Math.abs(Math.cos(phase)) * 3;
  g.translate(0, -bob);
  const hip = [42, 58], sh = [55, 30];
  const limb = (o, a1, l1, a2, l2) => {
    const k = [o[0] + Math.cos(a1) * l1, o[1] + Math.sin(a1) * l1];
    const e = [k[0] + Math.cos(a1 + a2) * l2, k[1] + Math.sin(a1 + a2) * l2];
    g.beginPath(); g.moveTo(o[0], o[1]); g.lineTo(k[0], k[1]); g.lineTo(e[0], e[1]); g.stroke();
  };
  g.beginPath(); g.arc(63, 13, 10, 0, Math.PI * 2); g.fill();
  g.beginPath(); g.moveTo(sh[0], sh[1]); g.lineTo(hip[0], hip[1]); g.stroke();
  limb(hip, 1.2 - 0.9 * sw, 22, 0.9 + 0.5 * Math.max(0, sw), 22);
  limb(hip, 1.2 + 0.9 * sw, 22, 0.9 + 0.5 * Math.max(0, -sw), 22);
  limb(sh, 1.6 + 1.0 * sw, 18, -1.3, 16);
  limb(sh, 1.6 - 1.0 * sw, 18, -1.3, 16);
  g.restore();
}

function exitSign(g, x, y, t) {
  const w = 560, h = 270;
  g.fillStyle = C.green; g.strokeStyle = C.white; g.lineWidth = 8;
  g.beginPath(); g.roundRect(x, y, w, h, 18); g.fill(); g.stroke();
  runner(g, x + 34, y + 26, 1.55, t * 11);
  g.lineWidth = 10; g.strokeRect(x + 200, y + 34, 80, 134);
  const nudge = Math.sin(t * 6) * 10;
  g.lineWidth = 20; g.lineCap = 'round'; g.lineJoin = 'round';
  g.beginPath(); g.moveTo(x + 320 + nudge, y + 102); g.lineTo(x + 500 + nudge, y + 102);
  g.moveTo(x + 455 + nudge, y + 58); g.lineTo(x + 503 + nudge, y + 102); g.lineTo(x + 455 + nudge, y + 146); g.stroke();
  g.drawImage(lines.exitZh, x + 100, y + 192);
  g.drawImage(lines.exitEn, x + 340, y + 192);
}

function draw(g, t) {
  g.drawImage(bg, 0, 0);
  lane(g, t);
  stripes(g, 0, 22, t);
  // exit sign slides in from the left, then the theme lines follow it
  const sIn = ease(t / 0.9);
  exitSign(g, -640 + sIn * 760, 120, t);
  const slide = (img, x, y, start, dur) => {
    const p = ease((t - start) / dur);
    g.globalAlpha = p; g.drawImage(img, x + (1 - p) * 220, y); g.globalAlpha = 1;
  };
  slide(lines.l1, 116, 470, 0.7, 0.8);
  slide(lines.l2, 100, 600, 1.3, 0.8);
  // orange underline grows under the key phrase
  const u = ease((t - 2.0) / 0.7);
  g.fillStyle = C.orange; g.fillRect(124, 812, u * 980, 12);
  g.globalAlpha = ease((t - 2.4) / 0.7); g.drawImage(lines.en, 120, 842); g.globalAlpha = 1;
  // bottom band: who, when, where
  const b = ease((t - 3.0) / 0.6);
  g.fillStyle = C.white; g.fillRect(0, H - b * 96, W, 96);
  g.drawImage(lines.tag, 120, H - b * 96 + 20);
  stripes(g, H - b * 96 - 14, 14, t);
}

window.recordTitle = async (ms, bps) => {
  await document.fonts.load('700 100px "Noto Sans CJK SC"', '人安');
  await document.fonts.load('400 34px "Noto Sans CJK SC"', 'Safety');
  prepare();
  const canvas = document.querySelector('canvas');
  const g = canvas.getContext('2d');
  draw(g, 0);
  const mime = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8'].find((m) => MediaRecorder.isTypeSupported(m));
  const rec = new MediaRecorder(canvas.captureStream(30), { mimeType: mime, videoBitsPerSecond: bps });
  const chunks = [];
  rec.ondataavailable = (e) => { if (e.data.size) chunks.push(e.data); };
  const stopped = new Promise((r) => { rec.onstop = r; });
  rec.start(500);
  let frames = 0;
  const t0 = performance.now();
  await new Promise((done) => {
    const tick = (now) => {
      const t = (now - t0) / 1000;
      draw(g, Math.min(t, ms / 1000));
      frames++;
      if (now - t0 >= ms) done(); else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  rec.stop();
  await stopped;
  const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return { mime, frames, elapsedMs: performance.now() - t0, base64: btoa(bin) };
};
</script></body></html>`;

// ---------------------------------------------------------------------------
// WebM from MediaRecorder has no Duration element (it is written live), so
// players report Infinity and some cannot seek. Add one to Segment > Info.

function readVint(buf: Buffer, at: number): { length: number; value: number } {
  const first = buf[at] ?? 0;
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
  let value = first & (0xff >> length);
  for (let i = 1; i < length; i++) value = value * 256 + (buf[at + i] ?? 0);
  return { length, value };
}

function withDuration(webm: Buffer, durationMs: number): Buffer {
  const SEGMENT = Buffer.from([0x18, 0x53, 0x80, 0x67]);
  const INFO = Buffer.from([0x15, 0x49, 0xa9, 0x66]);
  const seg = webm.indexOf(SEGMENT);
  const info = webm.indexOf(INFO, seg);
  if (seg < 0 || info < 0) throw new Error('webm: no Segment/Info element');
  const size = readVint(webm, info + 4);
  const bodyStart = info + 4 + size.length;
  const body = webm.subarray(bodyStart, bodyStart + size.value);
  if (body.includes(Buffer.from([0x44, 0x89]))) return webm; // already has a Duration
  // TimecodeScale (2AD7B1) says what unit Duration is in; 1 ms is the default.
  let scale = 1_000_000;
  const ts = body.indexOf(Buffer.from([0x2a, 0xd7, 0xb1]));
  if (ts >= 0) {
    const len = readVint(body, ts + 3);
    scale = body.readUIntBE(ts + 3 + len.length, len.value);
  }
  const duration = Buffer.alloc(11);
  duration.set([0x44, 0x89, 0x88]); // Duration, 8-byte float
  duration.writeDoubleBE((durationMs * 1_000_000) / scale, 3);
  const newSize = Buffer.alloc(8);
  newSize[0] = 0x01; // 8-byte vint marker; the value fits in the low 7 bytes
  newSize.writeUIntBE(body.length + duration.length, 2, 6);
  return Buffer.concat([webm.subarray(0, info + 4), newSize, body, duration, webm.subarray(bodyStart + size.value)]);
}

// ---------------------------------------------------------------------------

const SLIDES = [
  { name: 'festival-opening', title: '第十九届安全文化节 · 安全宣传咨询日', titleEn: '19th Safety Culture Festival · Consultation Day', html: slideOpening },
  { name: 'fire-lanes', title: '畅通生命通道', titleEn: 'Keep life lanes clear', html: slideFireLanes },
  { name: 'ebike-charging', title: '电动自行车安全充电', titleEn: 'E-bike charging safety', html: slideEbike },
  { name: 'emergency-numbers', title: '应急常识：牢记应急电话', titleEn: 'Emergency numbers', html: slideEmergency },
  { name: 'activities', title: '今日活动：体验 · 展示 · 咨询', titleEn: "Today's activities", html: slideActivities },
];
const VIDEO = { name: 'theme-title', title: '人人讲安全、个个会应急——畅通生命通道', titleEn: 'Theme: keep life lanes clear' };

/** Writes name.jpg or name.png, whichever is smaller, and removes the other. */
async function renderSlide(page: Page, name: string, html: string): Promise<string> {
  await page.goto('about:blank'); // the previous preview left an image document, which setContent cannot write into
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const jpeg = await page.screenshot({ type: 'jpeg', quality: JPEG_QUALITY });
  const png = await page.screenshot({ type: 'png' });
  const [file, bytes] = jpeg.length <= png.length ? [`${name}.jpg`, jpeg] : [`${name}.png`, png];
  for (const ext of ['jpg', 'png']) fs.rmSync(path.join(OUT_DIR, `${name}.${ext}`), { force: true });
  fs.writeFileSync(path.join(OUT_DIR, file), bytes);
  if (bytes.length > SLIDE_MAX_BYTES) throw new Error(`${file} is ${bytes.length} bytes, over ${SLIDE_MAX_BYTES}`);
  // PNG preview of the file as shipped (compression artefacts included), for review.
  await page.goto(pathToFileURL(path.join(OUT_DIR, file)).href);
  await page.screenshot({ path: path.join(PREVIEW_DIR, `${name}.png`) });
  return file;
}

/** Loads a webm from disk as the browser would and returns its reported duration (s). */
async function probeDuration(page: Page, file: string): Promise<number> {
  await page.goto(pathToFileURL(file).href);
  // Seeking far past the end makes Chromium scan the file and learn the real duration.
  return page.evaluate(`(async () => {
    const v = document.querySelector('video');
    v.pause();
    if (v.readyState < 1) await new Promise((r) => v.addEventListener('loadedmetadata', r, { once: true }));
    if (!Number.isFinite(v.duration)) {
      v.currentTime = 1e9;
      await new Promise((r) => v.addEventListener('durationchange', r, { once: true }));
    }
    return v.duration;
  })()`) as Promise<number>;
}

/** Proves the file plays start to finish; returns duration and wall-clock play time. */
async function verifyPlayback(page: Page, file: string, framePng: string): Promise<{ duration: number; playedMs: number }> {
  await page.goto(pathToFileURL(file).href);
  const result = (await page.evaluate(`(async () => {
    const v = document.querySelector('video');
    v.pause(); v.muted = true; v.loop = false;
    if (v.readyState < 2) await new Promise((r) => v.addEventListener('loadeddata', r, { once: true }));
    v.currentTime = 0;
    const t0 = performance.now();
    const ended = new Promise((r, j) => { v.addEventListener('ended', r, { once: true }); v.addEventListener('error', () => j(new Error('video error ' + (v.error && v.error.code))), { once: true }); setTimeout(() => j(new Error('no ended after 20 s')), 20000); });
    await v.play();
    await ended;
    return { duration: v.duration, playedMs: performance.now() - t0 };
  })()`)) as { duration: number; playedMs: number };
  // Frames from inside the clip (3 s is the one to check; 1 s and 6.5 s show the build-up and the end).
  for (const at of [3, 1, 6.5]) {
    await page.evaluate(`(async () => {
      const v = document.querySelector('video');
      v.controls = false;
      v.currentTime = ${at};
      await new Promise((r) => v.addEventListener('seeked', r, { once: true }));
    })()`);
    await page.locator('video').screenshot({ path: at === 3 ? framePng : framePng.replace('-3s', `-${at}s`) });
  }
  return result;
}

async function makeVideo(browser: Browser): Promise<ManifestEntry> {
  const page = await browser.newPage({ viewport: { width: W, height: H } });
  await page.setContent(VIDEO_PAGE, { waitUntil: 'load' });
  const rec = (await page.evaluate(`window.recordTitle(${VIDEO_SECONDS * 1000}, ${VIDEO_BITS_PER_SECOND})`)) as {
    mime: string;
    frames: number;
    elapsedMs: number;
    base64: string;
  };
  console.log(`recorded ${rec.mime}: ${rec.frames} frames drawn in ${Math.round(rec.elapsedMs)} ms`);
  const file = path.join(OUT_DIR, `${VIDEO.name}.webm`);
  fs.writeFileSync(file, Buffer.from(rec.base64, 'base64'));

  const seconds = await probeDuration(page, file);
  if (!Number.isFinite(seconds) || seconds <= 5) throw new Error(`video duration ${seconds} s, expected > 5 s`);
  fs.writeFileSync(file, withDuration(fs.readFileSync(file), seconds * 1000));

  const framePng = path.join(PREVIEW_DIR, `${VIDEO.name}-3s.png`);
  const played = await verifyPlayback(page, file, framePng);
  console.log(`playback: duration ${played.duration.toFixed(2)} s, reached 'ended' after ${Math.round(played.playedMs)} ms; frame at 3 s → ${framePng}`);
  if (!(played.duration > 5) || played.playedMs < 5000) throw new Error('video does not play for more than 5 s');
  const size = fs.statSync(file).size;
  if (size > VIDEO_MAX_BYTES) throw new Error(`${VIDEO.name}.webm is ${size} bytes, over ${VIDEO_MAX_BYTES}`);
  await page.close();
  return { file: path.basename(file), kind: 'video', title: VIDEO.title, titleEn: VIDEO.titleEn, durationMs: Math.round(seconds * 1000) };
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.mkdirSync(PREVIEW_DIR, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: W, height: H } });
    const slides: ManifestEntry[] = [];
    for (const s of SLIDES) {
      const file = await renderSlide(page, s.name, s.html());
      slides.push({ file, kind: 'image', title: s.title, titleEn: s.titleEn, durationMs: SLIDE_MS });
    }
    await page.close();
    const video = await makeVideo(browser);

    // Opening slide first, the moving title second, then the safety messages.
    const [opening, ...rest] = slides;
    const manifest = [opening!, video, ...rest];
    fs.writeFileSync(path.join(OUT_DIR, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

    let total = 0;
    for (const m of manifest) {
      const size = fs.statSync(path.join(OUT_DIR, m.file)).size;
      total += size;
      console.log(`${m.file.padEnd(26)} ${(size / 1024).toFixed(0).padStart(5)} KB  ${m.title}`);
    }
    console.log(`${'total'.padEnd(26)} ${(total / 1024).toFixed(0).padStart(5)} KB`);
    if (total > TOTAL_MAX_BYTES) throw new Error(`media total ${total} bytes, over ${TOTAL_MAX_BYTES}`);
  } finally {
    await browser.close();
  }
}

await main();
