import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { DEMO_EVENT, DEMO_VENUES } from '../../server/demo/demo-event.ts';

/**
 * The apps serve any event an organiser sets up: no text of the demo's event may be written into
 * kiosk/, display/ or shared/. Its names live in the demo seed alone (server/demo/).
 */
const FOLDERS = ['kiosk', 'display', 'shared'];
const SOURCE = /\.(ts|svelte|html|css|json|js)$/;

function sources(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sources(full);
    return SOURCE.test(entry.name) ? [full] : [];
  });
}

/** The demo's own words: its edition, venues and places, its theme. */
const DEMO_WORDS = ['第十九届', '台湖', '宋庄', '潞城', DEMO_EVENT.edition, DEMO_EVENT.theme, ...DEMO_VENUES.map((venue) => venue.name)];

test("no file of kiosk/, display/ or shared/ names the demo's event, its venues or its theme", () => {
  const files = FOLDERS.flatMap(sources);
  expect(files.length).toBeGreaterThan(100);
  const found = files.flatMap((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return DEMO_WORDS.filter((word) => text.includes(word)).map((word) => `${file}: ${word}`);
  });
  expect(found).toEqual([]);
});

test('the check can fail: the demo seed itself names them', () => {
  const seed = fs.readFileSync('server/demo/demo-event.ts', 'utf8');
  expect(seed).toContain(DEMO_EVENT.edition);
  expect(DEMO_WORDS.filter((word) => word.length > 0).length).toBeGreaterThanOrEqual(6);
});
