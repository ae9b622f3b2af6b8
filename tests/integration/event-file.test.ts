import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { BankQuestion } from '../../shared/quiz.ts';
import { requestOk, startHub, type RunningHub } from '../support/hub-harness.ts';
import { samplePng, sampleWebm } from '../support/media-samples.ts';
import { runScript } from '../support/run-script.ts';
import { setupOf } from '../support/setup-rows.ts';
import { api, signIn, staffSession, staffSocket, type Session } from '../support/staff.ts';

/**
 * One event file moves a whole setup from the laptop it was made on to the event machine: export
 * it from one real hub, import it into a second one, and the two setups are equal. A wrong file
 * is refused whole with its reasons, and changes nothing.
 */
let laptop: RunningHub;
let machine: RunningHub;
let laptopAdmin: Session;
let machineAdmin: Session;
let laptopSocket: Socket;

beforeAll(async () => {
  [laptop, machine] = await Promise.all([startHub(), startHub()]);
  [laptopAdmin, machineAdmin] = await Promise.all([signIn(laptop.base), signIn(machine.base)]);
  laptopSocket = await staffSocket(laptop.base, laptopAdmin);
});
afterAll(async () => {
  laptopSocket?.close();
  await Promise.all([laptop?.close(), machine?.close()]);
});

const send = (session: Session | undefined, base: string, path: string, body: Buffer, method = 'PUT') =>
  fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/octet-stream', ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}) },
    body: body as unknown as BodyInit,
  });
const eventRevision = (running: RunningHub) => running.hub.db.prepare('SELECT revision FROM event').pluck().get() as number;
const importFile = (file: Buffer, session = machineAdmin, revision = eventRevision(machine)) =>
  send(session, machine.base, `/api/event/file?revision=${revision}`, file);

/** The laptop's setup beyond the demo: a logo, a sub-venue with its group and station, uploaded media in the loop, an edited question. */
async function setUpOnTheLaptop(): Promise<void> {
  expect((await send(laptopAdmin, laptop.base, '/api/event/logo', samplePng(64, 64, [10, 120, 200]))).status).toBe(200);
  const { venues } = await requestOk(laptopSocket, 'venue:save', {
    name: '永顺镇分会场',
    nameEn: 'Yongshun',
    kind: 'sub',
    unit: '永顺镇人民政府',
    address: '永顺镇',
  });
  const yongshun = venues.find((venue) => venue.name === '永顺镇分会场')!;
  await requestOk(laptopSocket, 'group:save', { venueId: yongshun.id, name: '永顺大屏', nameEn: '' });
  await requestOk(laptopSocket, 'point:save', { venueId: yongshun.id, kind: 'station', name: '应急救援装备展示', nameEn: '' });
  const uploaded: string[] = [];
  for (const [name, body] of [
    ['poster.png', samplePng(32, 32, [200, 0, 0])],
    ['clip.webm', sampleWebm(3000)],
  ] as const) {
    const reply = await send(laptopAdmin, laptop.base, `/api/media?name=${name}`, body, 'POST');
    expect(reply.status, await reply.clone().text()).toBe(200);
    uploaded.push(((await reply.json()) as { file: { id: string } }).file.id);
  }
  const playlist = laptop.hub.db.prepare('SELECT id, name, name_en FROM playlists').get() as { id: string; name: string; name_en: string };
  const items = laptop.hub.db.prepare('SELECT media_id FROM playlist_items WHERE playlist_id = ? ORDER BY position').pluck().all(playlist.id) as string[];
  const saved = await api(laptop.base, laptopAdmin).put(`/api/playlists/${playlist.id}`, {
    name: playlist.name,
    nameEn: playlist.name_en,
    mediaIds: [...uploaded, ...items],
  });
  expect(saved.status, await saved.clone().text()).toBe(200);
  const bank = (await (await api(laptop.base, laptopAdmin).get('/api/bank')).json()) as { questions: BankQuestion[] };
  const question = bank.questions.find((one) => one.id === 'fire-001')!;
  const edited = await api(laptop.base, laptopAdmin).put('/api/bank/questions/fire-001', {
    ...question,
    explanation: { ...question.explanation, zh: `${question.explanation.zh}（永顺镇补充说明）` },
  });
  expect(edited.status, await edited.clone().text()).toBe(200);
}

let exported: Buffer;

test('the setup exported on the laptop and imported on the event machine is the same setup, media and logo served', async () => {
  await setUpOnTheLaptop();
  // An MC or a visitor cannot take the setup away.
  const mc = await staffSession(laptop.base, laptopAdmin, 'mc-file', 'mc', null);
  expect((await api(laptop.base, mc).get('/api/event/file')).status).toBe(403);
  expect((await api(laptop.base).get('/api/event/file')).status).toBe(401);

  const download = await api(laptop.base, laptopAdmin).get('/api/event/file');
  expect(download.status).toBe(200);
  expect(download.headers.get('content-disposition')).toBe('attachment; filename="eventday-2026-06-14.eventday"');
  exported = Buffer.from(await download.arrayBuffer());
  expect(exported.subarray(0, 15).toString()).toBe('EVENTDAY-SETUP\n');

  const reply = await importFile(exported);
  expect(reply.status, await reply.clone().text()).toBe(200);
  const imported = (await reply.json()) as { info: { venues: { name: string }[] } };
  expect(imported.info.venues.map((venue) => venue.name)).toContain('永顺镇分会场');

  const { accounts: _a, devices: _d, ...onLaptop } = setupOf(laptop.hub.db);
  const { accounts: _b, devices: _e, ...onMachine } = setupOf(machine.hub.db);
  expect(onMachine).toEqual(onLaptop);
  expect(onMachine.mediaFiles.length).toBe(2);
  // The machine serves the carried files, byte for byte, and the logo.
  for (const medium of onLaptop.media.filter((row) => String(row.url).startsWith('/media/files/'))) {
    const [there, here] = await Promise.all([fetch(`${laptop.base}${String(medium.url)}`), fetch(`${machine.base}${String(medium.url)}`)]);
    expect(here.status).toBe(200);
    expect(Buffer.from(await here.arrayBuffer())).toEqual(Buffer.from(await there.arrayBuffer()));
  }
  const info = await requestOk(laptopSocket, 'event:watch', {});
  expect((await fetch(`${machine.base}${info.logoUrl!}`)).status).toBe(200);
  const audit = machine.hub.db.prepare("SELECT detail_json FROM audit_log WHERE action = 'event:import'").pluck().get() as string;
  expect(JSON.parse(audit)).toMatchObject({ eventName: info.name, removed: { visitors: 0 } });
});

/** The exported file with its manifest changed by `change`. */
function withManifest(change: (manifest: { storeVersion: number; tables: Record<string, Record<string, unknown>[]> }) => void): Buffer {
  const first = exported.indexOf(0x0a);
  const second = exported.indexOf(0x0a, first + 1);
  const manifest = JSON.parse(exported.subarray(first + 1, second).toString('utf8')) as Parameters<typeof change>[0];
  change(manifest);
  return Buffer.concat([exported.subarray(0, first + 1), Buffer.from(`${JSON.stringify(manifest)}\n`), exported.subarray(second + 1)]);
}

test('a wrong event file is refused whole, with its reasons, and changes nothing', async () => {
  const before = setupOf(machine.hub.db);
  const damaged = Buffer.from(exported);
  damaged[damaged.length - 10] = damaged[damaged.length - 10]! ^ 0xff;
  const cases: [string, Buffer, RegExp][] = [
    ['a picture, not an event file', samplePng(8, 8), /not an eventday event file/],
    ['an empty file', Buffer.alloc(0), /not an eventday event file/],
    ['a spreadsheet renamed', Buffer.from('PK\u0003\u0004 not really a zip'), /not an eventday event file/],
    ['a file of another version', withManifest((manifest) => (manifest.storeVersion = 9)), /another version of eventday/],
    ['the manifest cut in half', exported.subarray(0, 400), /cut short|not JSON/],
    ['a media file cut short', exported.subarray(0, exported.length - 100), /cut short or damaged/],
    ['a damaged media file', damaged, /does not match its SHA-256/],
    ['a 300-character venue name', withManifest((manifest) => (manifest.tables.venues![0]!.name = '长'.repeat(300))), /venue taihu: name has 300 characters/],
    [
      'a scene of no known kind',
      withManifest((manifest) => (manifest.tables.stage_slots![0]!.scene_json = '{"kind":"fireworks"}')),
      /scene of group .* expected form/,
    ],
    [
      'a day that does not exist',
      withManifest((manifest) => (manifest.tables.event![0]!.setup_json = String(manifest.tables.event![0]!.setup_json).replace('2026-06-14', '2027-02-30'))),
      /2027-02-30 does not exist/,
    ],
    ['a column too many', withManifest((manifest) => (manifest.tables.venues![0]!.colour = 'red')), /columns .* are not the store's/],
    [
      'a group of a venue not in the file',
      withManifest((manifest) => (manifest.tables.display_groups![0]!.venue_id = 'nowhere')),
      /display_groups row 1: FOREIGN KEY/,
    ],
    ['a table not of the setup', withManifest((manifest) => (manifest.tables.accounts = [])), /table accounts is not part of an event's setup/],
  ];
  for (const [what, file, reason] of cases) {
    const reply = await importFile(file);
    const body = (await reply.json()) as { code: string; message: string; detail?: string };
    expect(reply.status, what).toBe(400);
    expect(body.code, what).toBe('EVENT_FILE_INVALID');
    expect(body.message, what).toContain('未做任何改动');
    expect(body.detail, what).toMatch(reason);
  }
  // Someone changed the event meanwhile, an MC, nobody: refused before the file is even read.
  expect((await importFile(exported, machineAdmin, eventRevision(machine) - 1)).status).toBe(409);
  const mc = await staffSession(machine.base, machineAdmin, 'mc-import', 'mc', null);
  expect((await importFile(exported, mc)).status).toBe(403);
  expect((await send(undefined, machine.base, `/api/event/file?revision=${eventRevision(machine)}`, exported)).status).toBe(401);
  const { accounts: _kept, ...after } = setupOf(machine.hub.db);
  const { accounts: _before, ...unchanged } = before;
  expect(after).toEqual(unchanged);
  expect((await fetch(`${machine.base}/healthz`)).status).toBe(200);
});

/** `npm run event:export -- FILE` / `npm run event:import -- FILE` (the script npm runs), on DATA_DIR. */
const cli = (which: 'export' | 'import', file: string, dataDir: string) => runScript('scripts/event-file.ts', [which, file], dataDir);

test('from the command line: exported while the laptop’s hub runs, imported into a stopped one; a wrong file is refused with its reasons', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'event-file-')), 'setup.eventday');
  const exportedByCli = await cli('export', file, laptop.dataDir);
  expect(exportedByCli.out).toMatch(/written to .*setup\.eventday/);

  const other = await startHub();
  const dataDir = other.dataDir;
  expect((await cli('import', file, dataDir)).out).toContain('A hub is running');
  await other.close();
  fs.writeFileSync(`${file}.png`, samplePng(8, 8));
  const refused = await cli('import', `${file}.png`, dataDir);
  expect(refused).toMatchObject({ code: 1 });
  expect(refused.out).toMatch(/EVENT_FILE_INVALID[\s\S]*not an eventday event file/);
  expect((await cli('import', file, dataDir)).out).toContain('imported into');

  const imported = await startHub(dataDir);
  const { accounts: _a, devices: _d, ...onLaptop } = setupOf(laptop.hub.db);
  const { accounts: _b, devices: _e, ...there } = setupOf(imported.hub.db);
  expect(there).toEqual(onLaptop);
  await imported.close();
}, 60_000);
