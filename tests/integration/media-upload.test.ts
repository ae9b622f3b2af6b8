import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MediaFile, MediaListReply, Playlist } from '../../shared/media.ts';
import { nextEvent, request, startHub, type RunningHub } from '../support/hub-harness.ts';
import { sampleJpeg, sampleMp4, samplePng, sampleWebm } from '../support/media-samples.ts';
import { takeOverRest } from '../support/rest.ts';
import { deviceSocket, pairDevice, signIn, staffSession, type Session } from '../support/staff.ts';

/** Small limits, so "too large" is tried with a few hundred kilobytes. */
const LIMITS = { MEDIA_MAX_VIDEO_MB: '0.25', MEDIA_MAX_IMAGE_MB: '0.0625' };
const IMAGE_LIMIT = 0.0625 * 1024 * 1024;

let running: RunningHub;
let admin: Session;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  for (const [name, value] of Object.entries(LIMITS)) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
  running = await startHub();
  admin = await signIn(running.base);
});
afterAll(async () => {
  for (const [name, value] of Object.entries(saved))
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  await running.close();
});

function upload(session: Session | undefined, query: string, body: BodyInit | Buffer, headers: Record<string, string> = {}) {
  return fetch(`${running.base}/api/media?${query}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
      ...headers,
    },
    body: body as BodyInit,
    // A stream body needs half-duplex mode in fetch.
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

const mediaFolder = () => path.join(running.dataDir, 'media');
const storedFiles = () => fs.readdirSync(mediaFolder()).sort();
const mediaCount = () => running.hub.db.prepare('SELECT COUNT(*) FROM media').pluck().get() as number;

/** A body that streams `total` bytes in 16 kB chunks, starting with `head`, never held whole. */
function streamOf(head: Buffer, total: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      const chunk = sent === 0 ? Buffer.concat([head, Buffer.alloc(16 * 1024 - head.length)]) : Buffer.alloc(Math.min(16 * 1024, total - sent), 9);
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

describe('good files', () => {
  const cases = [
    { name: 'opening.mp4', body: sampleMp4(12_345), type: 'mp4', kind: 'video', durationMs: 12_345 },
    { name: '主题片.webm', body: sampleWebm(6_978), type: 'webm', kind: 'video', durationMs: 6_978 },
    { name: 'poster.png', body: samplePng(), type: 'png', kind: 'image', durationMs: 5_000, query: '&durationMs=5000' },
    { name: 'photo.jpg', body: sampleJpeg(), type: 'jpeg', kind: 'image', durationMs: 8_000 },
  ] as const;
  for (const sample of cases) {
    test(`${sample.name}: typed by its first bytes, stored under its hash, listed and served with long caching`, async () => {
      const response = await upload(
        admin,
        `name=${encodeURIComponent(sample.name)}&title=${encodeURIComponent('标题')}${'query' in sample ? sample.query : ''}`,
        sample.body,
      );
      expect(response.status, await response.clone().text()).toBe(200);
      const { file, duplicate } = (await response.json()) as { file: MediaFile; duplicate: boolean };
      expect(duplicate).toBe(false);
      expect(file).toMatchObject({
        type: sample.type,
        kind: sample.kind,
        durationMs: sample.durationMs,
        bytes: sample.body.length,
        name: sample.name,
        title: '标题',
        uploadedBy: 'admin',
      });
      expect(file.url).toMatch(/^\/media\/files\/[0-9a-f]{64}\.(mp4|webm|png|jpg)$/);
      expect(storedFiles()).toContain(file.url.split('/').at(-1));

      const list = (await (await fetch(`${running.base}/api/media`, { headers: { cookie: admin.cookie } })).json()) as MediaListReply;
      expect(list.files.map((listed) => listed.id)).toContain(file.id);
      expect(list.limits).toEqual({ video: 0.25 * 1024 * 1024, image: IMAGE_LIMIT });

      const served = await fetch(`${running.base}${file.url}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(Buffer.from(await served.arrayBuffer()).equals(sample.body)).toBe(true);
    });
  }

  test('the same content uploaded again is the same item, stored once', async () => {
    const body = samplePng(6, 6, [0, 80, 200]);
    const first = (await (await upload(admin, 'name=a.png', body)).json()) as { file: MediaFile };
    const before = storedFiles().length;
    const again = (await (await upload(admin, 'name=b.png', body)).json()) as { file: MediaFile; duplicate: boolean };
    expect(again).toMatchObject({ duplicate: true, file: { id: first.file.id } });
    expect(storedFiles()).toHaveLength(before);
  });
});

test('a range request gets 206 with exactly the bytes asked for', async () => {
  const body = sampleMp4(3000, 50_000);
  const { file } = (await (await upload(admin, 'name=range.mp4', body)).json()) as { file: MediaFile };
  const part = await fetch(`${running.base}${file.url}`, { headers: { range: 'bytes=1000-1999' } });
  expect(part.status).toBe(206);
  expect(part.headers.get('content-range')).toBe(`bytes 1000-1999/${body.length}`);
  expect(part.headers.get('content-type')).toContain('video/mp4');
  expect(Buffer.from(await part.arrayBuffer()).equals(body.subarray(1000, 2000))).toBe(true);
  const tail = await fetch(`${running.base}${file.url}`, { headers: { range: 'bytes=-10' } });
  expect(Buffer.from(await tail.arrayBuffer()).equals(body.subarray(-10))).toBe(true);
});

describe('bad input: refused with a clear code, nothing stored, the hub keeps serving', () => {
  async function expectRefused(response: Response, status: number, code: string) {
    const reply = (await response.json()) as { code: string; message: string };
    expect(response.status).toBe(status);
    expect(reply.code).toBe(code);
    expect(reply.message.length).toBeGreaterThan(3);
    return reply;
  }

  test('a text file named .mp4 (and sent as video/mp4) is refused by its first bytes', async () => {
    const [files, count] = [storedFiles(), mediaCount()];
    const text = Buffer.from('这不是视频，只是一段文字。This is not a video at all, just some text.\n'.repeat(20));
    const reply = await expectRefused(await upload(admin, 'name=fake.mp4', text, { 'content-type': 'video/mp4' }), 415, 'MEDIA_TYPE');
    expect(reply.message).toContain('MP4');
    // A matroska file (EBML, but not WebM) and a HEIC picture (ftyp, but a still) are not played either.
    await expectRefused(
      await upload(
        admin,
        'name=x.webm',
        Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x88, 0x42, 0x82, 0x88]), Buffer.from('matroska'), Buffer.alloc(100)]),
      ),
      415,
      'MEDIA_TYPE',
    );
    await expectRefused(
      await upload(admin, 'name=x.mp4', Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(100)])),
      415,
      'MEDIA_TYPE',
    );
    expect(storedFiles()).toEqual(files);
    expect(mediaCount()).toBe(count);
  });

  test('too large: refused from its Content-Length, and when it streams past the limit without one', async () => {
    const [files, count] = [storedFiles(), mediaCount()];
    // Declared: a picture above the picture limit (though under the video limit).
    await expectRefused(await upload(admin, 'name=big.png', Buffer.concat([samplePng(), Buffer.alloc(IMAGE_LIMIT)])), 413, 'MEDIA_TOO_LARGE');
    // Streamed (chunked, no length): refused once it passes the limit; the rest is never kept.
    await expectRefused(await upload(admin, 'name=endless.png', streamOf(samplePng(), IMAGE_LIMIT * 3)), 413, 'MEDIA_TOO_LARGE');
    await expectRefused(await upload(admin, 'name=long.webm', streamOf(sampleWebm(5000), 0.25 * 1024 * 1024 + 1)), 413, 'MEDIA_TOO_LARGE');
    expect(storedFiles()).toEqual(files);
    expect(mediaCount()).toBe(count);
    // Exactly at the limit is fine.
    const atLimit = Buffer.concat([samplePng(), Buffer.alloc(IMAGE_LIMIT - samplePng().length)]);
    expect((await upload(admin, 'name=edge.png', Readable.toWeb(Readable.from([atLimit])) as ReadableStream)).status).toBe(200);
  });

  test('an empty body, a video whose length is unknown, and a missing name are refused', async () => {
    const [files, count] = [storedFiles(), mediaCount()];
    await expectRefused(await upload(admin, 'name=empty.mp4', new Uint8Array(0)), 400, 'MEDIA_EMPTY');
    await expectRefused(await upload(admin, 'name=nolength.webm', sampleWebm(null)), 400, 'MEDIA_DURATION_UNKNOWN');
    await expectRefused(await upload(admin, 'title=x', samplePng()), 400, 'BAD_PAYLOAD');
    expect(storedFiles()).toEqual(files);
    expect(mediaCount()).toBe(count);
    // The console measures a video's length when the file does not say it.
    const measured = (await (await upload(admin, 'name=nolength.webm&durationMs=4200', sampleWebm(null))).json()) as { file: MediaFile };
    expect(measured.file.durationMs).toBe(4200);
    expect((await fetch(`${running.base}/healthz`)).ok).toBe(true);
  });

  test('viewers, operators and visitors may not upload; nothing is stored', async () => {
    const [files, count] = [storedFiles(), mediaCount()];
    const viewer = await staffSession(running.base, admin, 'media-viewer', 'viewer', null);
    const operator = await staffSession(running.base, admin, 'media-operator', 'operator', ['songzhuang']);
    await expectRefused(await upload(viewer, 'name=a.png', samplePng()), 403, 'FORBIDDEN');
    await expectRefused(await upload(operator, 'name=a.png', samplePng()), 403, 'FORBIDDEN');
    await expectRefused(await upload(undefined, 'name=a.png', samplePng()), 401, 'UNAUTHENTICATED');
    expect(storedFiles()).toEqual(files);
    expect(mediaCount()).toBe(count);
    // The viewer may list them.
    expect((await fetch(`${running.base}/api/media`, { headers: { cookie: viewer.cookie } })).status).toBe(200);
  });
});

test('an uploaded file goes into a playlist, and a loop of it reaches the screens with its items', async () => {
  const clip = (await (await upload(admin, 'name=launch.mp4&title=' + encodeURIComponent('启动仪式'), sampleMp4(9_000))).json()) as { file: MediaFile };
  const still = (await (await upload(admin, 'name=slide.png&durationMs=3000', samplePng(8, 8, [10, 200, 90]))).json()) as { file: MediaFile };
  const put = (body: unknown) =>
    fetch(`${running.base}/api/playlists/launch-loop`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      body: JSON.stringify(body),
    });
  const refused = await put({ name: '启动', nameEn: 'Launch', mediaIds: [clip.file.id, 'no-such-media'] });
  expect(refused.status).toBe(404);
  expect(((await refused.json()) as { code: string }).code).toBe('UNKNOWN_MEDIA');
  const saved = await put({ name: '启动仪式循环', nameEn: 'Launch loop', mediaIds: [clip.file.id, still.file.id, 'demo-fire-lanes'] });
  expect(saved.status).toBe(200);
  const playlist = (await saved.json()) as Playlist;
  expect(playlist.items.map((item) => [item.id, item.durationMs])).toEqual([
    [clip.file.id, 9000],
    [still.file.id, 3000],
    ['demo-fire-lanes', 8000],
  ]);

  const { token } = await pairDevice(running.base, admin, { kind: 'screen', venueId: 'taihu', groupId: 'lobby' });
  const screen = await deviceSocket(running.base, token);
  await request(screen, 'stage:watch', { groupId: 'lobby' });
  const arrival = nextEvent(screen, 'stage:program');
  await takeOverRest(running.base, 'lobby', { kind: 'loop', playlistId: 'launch-loop' }, admin);
  expect((await arrival).playlist?.items.map((item) => item.url)).toEqual([clip.file.url, still.file.url, '/media/demo/fire-lanes.jpg']);
  screen.close();
  const audit = running.hub.db.prepare("SELECT action FROM audit_log WHERE action IN ('media:upload', 'playlist:edit')").pluck().all() as string[];
  expect(audit).toContain('playlist:edit');
  expect(audit.filter((action) => action === 'media:upload').length).toBeGreaterThanOrEqual(4);
});
