import { afterAll, beforeAll, expect, test } from 'vitest';
import { connectClient, startHub, type RunningHub } from '../support/hub-harness.ts';
import { api, signIn } from '../support/staff.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol-version.ts';

let running: RunningHub;
beforeAll(async () => {
  running = await startHub();
});
afterAll(() => running.close());

test('GET /healthz answers with status, version, uptime and the connected clients', async () => {
  const before = await (await fetch(`${running.base}/healthz`)).json();
  expect(before).toMatchObject({ status: 'ok', name: 'eventday', protocol: PROTOCOL_VERSION, connectedClients: 0 });
  expect(before.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(before.uptimeSeconds).toBeGreaterThanOrEqual(0);

  const sockets = await Promise.all([connectClient(running.base, 'screen'), connectClient(running.base, 'kiosk')]);
  const during = await (await fetch(`${running.base}/healthz`)).json();
  expect(during.connectedClients).toBe(2);
  sockets.forEach((socket) => socket.close());
});

test('serves the built apps, with index.html for client routes and long cache only for hashed assets', async () => {
  for (const path of ['/kiosk/', '/display/console', '/display/screen/main-stage']) {
    const response = await fetch(`${running.base}${path}`);
    expect(response.status, path).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const html = await response.text();
    const asset = /src="(\/(?:kiosk|display)\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset, `${path} names its script`).toBeTruthy();
    const script = await fetch(`${running.base}${asset}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toContain('immutable');
  }
  const missing = await fetch(`${running.base}/display/assets/nothing-here.js`);
  expect(missing.status).toBe(404);
  expect(await missing.json()).toMatchObject({ code: 'NOT_FOUND' });
});

test('serves the demo media that ship with the app', async () => {
  const stage = await (await api(running.base, await signIn(running.base)).get('/api/stage')).json();
  const items = stage.playlists[0].items as { url: string; kind: string }[];
  expect(items.length).toBeGreaterThanOrEqual(3);
  for (const item of items) {
    const response = await fetch(`${running.base}${item.url}`);
    expect(response.status, item.url).toBe(200);
    expect(response.headers.get('content-type')).toMatch(item.kind === 'video' ? /video\// : /image\//);
  }
});
