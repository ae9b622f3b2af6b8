import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { EventInfo, EventSetup } from '../../shared/event.ts';
import { connectClient, nextEvent, request, requestOk, startHub, type RunningHub } from '../support/hub-harness.ts';
import { sampleJpeg, samplePng } from '../support/media-samples.ts';
import { api, signIn, staffSession, staffSocket, type Session } from '../support/staff.ts';

let running: RunningHub;
let admin: Session;
let mc: Session;

beforeAll(async () => {
  running = await startHub();
  admin = await signIn(running.base);
  mc = await staffSession(running.base, admin, 'mc-event', 'mc', null);
});
afterAll(() => running.close());

const FIRE = { number: '119', label: '火警', labelEn: 'Fire' };

/** Another year's festival, as a new organiser would type it. */
const NEXT_YEAR: EventSetup = {
  name: '  安全宣传咨询日  ',
  nameEn: 'Safety Publicity Day',
  edition: '第二十届安全文化节',
  editionEn: '20th Safety Culture Festival',
  day: '2027-06-13',
  theme: '安全第一、预防为主',
  themeEn: '',
  organiser: '某区安全生产委员会办公室',
  organiserEn: '',
  hotlines: [FIRE, { number: '12345', label: '市民热线', labelEn: '' }],
};

const watch = async (client: 'kiosk' | 'screen' | 'console' = 'kiosk') => {
  const socket = await connectClient(running.base, client);
  return { socket, info: await requestOk(socket, 'event:watch', {}) };
};
const stored = () => running.hub.db.prepare('SELECT revision, setup_json FROM event WHERE id = 1').get() as { revision: number; setup_json: string };

function putLogo(session: Session | undefined, body: Buffer) {
  return fetch(`${running.base}/api/event/logo`, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream', ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}) },
    body: body as unknown as BodyInit,
  });
}

test('every client, signed in or not, reads the demo event from the hub: name, day, theme, hotlines, venues', async () => {
  const { socket, info } = await watch('kiosk');
  socket.close();
  expect(info.day).toBe('2026-06-14');
  expect(info.theme).toContain('生命通道');
  expect(info.hotlines.map((line) => line.number)).toEqual(['119', '120', '110', '122', '12350', '96119']);
  expect(info.venues.some((venue) => venue.kind === 'main')).toBe(true);
  expect(info.logoUrl).toBeNull();
});

describe('an admin saves the event', () => {
  test('stored trimmed, audited, and sent live to a kiosk and a screen already watching', async () => {
    const kiosk = await watch('kiosk');
    const screen = await watch('screen');
    const console_ = await staffSocket(running.base, admin);
    const heardByKiosk = nextEvent(kiosk.socket, 'event:info');
    const heardByScreen = nextEvent(screen.socket, 'event:info');
    const saved = await request(console_, 'event:save', { setup: NEXT_YEAR, revision: kiosk.info.revision });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    if (!saved.ok) return;
    expect(saved.data.name).toBe('安全宣传咨询日');
    expect(saved.data.revision).toBe(kiosk.info.revision + 1);
    for (const heard of [await heardByKiosk, await heardByScreen]) {
      expect(heard.name).toBe('安全宣传咨询日');
      expect(heard.day).toBe('2027-06-13');
      expect(heard.hotlines.map((line) => line.number)).toEqual(['119', '12345']);
    }
    const audit = running.hub.db.prepare("SELECT detail_json FROM audit_log WHERE action = 'event:save' ORDER BY id DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ name: '安全宣传咨询日', day: '2027-06-13' });
    // A client that connects afterwards (a kiosk restarted) gets the new event at once.
    const later = await watch('kiosk');
    expect(later.info.edition).toBe('第二十届安全文化节');
    for (const socket of [kiosk.socket, screen.socket, console_, later.socket]) socket.close();
  });

  test('a form showing an older revision is refused (someone else saved in between), nothing changes', async () => {
    const console_ = await staffSocket(running.base, admin);
    const before = stored();
    const stale = await request(console_, 'event:save', { setup: { ...NEXT_YEAR, name: '旧表单' }, revision: before.revision - 1 });
    expect(stale).toMatchObject({ ok: false, code: 'EVENT_STALE' });
    expect(stored()).toEqual(before);
    console_.close();
  });

  const bad: [string, Partial<EventSetup>, string][] = [
    ['a day that does not exist', { day: '2027-02-30' }, 'EVENT_INVALID'],
    ['a day in another format', { day: '13/06/2027' }, 'BAD_PAYLOAD'],
    ['a name of spaces', { name: '   ' }, 'EVENT_INVALID'],
    ['an empty organiser (the privacy notice must name one)', { organiser: ' ' }, 'EVENT_INVALID'],
    ['a 300-character name', { name: '安'.repeat(300) }, 'BAD_PAYLOAD'],
    ['a hotline listed twice', { hotlines: [FIRE, FIRE] }, 'EVENT_INVALID'],
    ['a hotline with letters', { hotlines: [{ number: '11a', label: '火警', labelEn: '' }] }, 'BAD_PAYLOAD'],
    ['a hotline with full-width digits', { hotlines: [{ number: '１１９', label: '火警', labelEn: '' }] }, 'BAD_PAYLOAD'],
    ['nine hotlines', { hotlines: Array.from({ length: 9 }, (_, index) => ({ number: `11${index}`, label: '电话', labelEn: '' })) }, 'BAD_PAYLOAD'],
  ];
  for (const [what, change, code] of bad) {
    test(`refused: ${what} (${code}, a sentence), nothing changes`, async () => {
      const console_ = await staffSocket(running.base, admin);
      const before = stored();
      const reply = await request(console_, 'event:save', { setup: { ...NEXT_YEAR, ...change }, revision: before.revision });
      expect(reply).toMatchObject({ ok: false, code });
      if (!reply.ok) expect(reply.message.length).toBeGreaterThan(5);
      expect(stored()).toEqual(before);
      console_.close();
    });
  }

  test('only an admin may: an MC and a kiosk are refused', async () => {
    const before = stored();
    const mcSocket = await staffSocket(running.base, mc);
    const kiosk = await connectClient(running.base, 'kiosk');
    for (const socket of [mcSocket, kiosk]) {
      const reply = await request(socket, 'event:save', { setup: NEXT_YEAR, revision: before.revision });
      expect(reply.ok).toBe(false);
      socket.close();
    }
    expect(stored()).toEqual(before);
  });
});

describe('the logo', () => {
  test('a PNG is stored, announced with an address that changes with it, and served as image/png', async () => {
    const kiosk = await watch('kiosk');
    const heard = nextEvent(kiosk.socket, 'event:info');
    const response = await putLogo(admin, samplePng(8, 8));
    expect(response.status, await response.clone().text()).toBe(200);
    const info = (await response.json()) as EventInfo;
    expect(info.logoUrl).toMatch(/^\/api\/event\/logo\?v=[0-9a-f]{12}$/);
    expect((await heard).logoUrl).toBe(info.logoUrl);
    const served = await fetch(`${running.base}${info.logoUrl}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(samplePng(8, 8));

    const jpeg = (await (await putLogo(admin, sampleJpeg())).json()) as EventInfo;
    expect(jpeg.logoUrl).not.toBe(info.logoUrl);
    expect((await fetch(`${running.base}${jpeg.logoUrl}`)).headers.get('content-type')).toBe('image/jpeg');
    kiosk.socket.close();
  });

  const refused: [string, Buffer, number, string][] = [
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 415, 'EVENT_LOGO_TYPE'],
    ['a web page named logo.png', Buffer.from('<!doctype html><html><body>hi</body></html>'), 415, 'EVENT_LOGO_TYPE'],
    ['an empty file', Buffer.alloc(0), 415, 'EVENT_LOGO_TYPE'],
    ['a PNG over 1 MB', Buffer.concat([samplePng(), Buffer.alloc(1024 * 1024 + 10)]), 413, 'EVENT_LOGO_TOO_BIG'],
  ];
  for (const [what, body, status, code] of refused) {
    test(`refused: ${what} (${status} ${code}), the logo stays as it was`, async () => {
      const before = stored();
      const logoBefore = running.hub.db.prepare('SELECT logo_sha256 FROM event').pluck().get();
      const response = await putLogo(admin, body);
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ code });
      expect(stored()).toEqual(before);
      expect(running.hub.db.prepare('SELECT logo_sha256 FROM event').pluck().get()).toBe(logoBefore);
    });
  }

  test('an MC or a stranger may not change it; an admin removes it and its address answers 404', async () => {
    expect((await putLogo(mc, samplePng())).status).toBe(403);
    expect((await putLogo(undefined, samplePng())).status).toBe(401);
    const removed = await api(running.base, admin).delete('/api/event/logo');
    expect(removed.status).toBe(200);
    expect(((await removed.json()) as EventInfo).logoUrl).toBeNull();
    const gone = await fetch(`${running.base}/api/event/logo`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ code: 'EVENT_NO_LOGO' });
    // The hub kept serving through every refusal.
    expect((await fetch(`${running.base}/healthz`)).status).toBe(200);
  });
});
