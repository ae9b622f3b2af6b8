import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import type { Socket } from 'socket.io-client';
import { connectClient, request } from '../support/hub-harness.ts';
import { startHubProcess } from '../support/hub-process.ts';
import { signIn, staffSocket } from '../support/staff.ts';
import { questionOf } from '../../shared/live-rules.ts';
import { liveSettings } from '../support/live-settings.ts';

/** A power cut mid-question: the hub is killed with answers coming in, and comes back with all it acknowledged. */
test('SIGKILL mid-question: after the restart the session resumes and every acknowledged answer is there', async () => {
  let hub = await startHubProcess();
  const mc = await staffSocket(hub.base, await signIn(hub.base));
  const created = await request(mc, 'live:create', liveSettings({ name: '断电测试', questionIds: ['fire-001', 'fire-002'], timeLimitSec: 60 }));
  if (!created.ok) throw new Error(created.code);
  const phones: { socket: Socket; token: string; playerId: string }[] = [];
  for (let i = 0; i < 40; i++) {
    const socket = await connectClient(hub.base, 'kiosk');
    const joined = await request(socket, 'live:join', { pin: created.data.pin, nickname: `选手${i}` });
    if (!joined.ok) throw new Error(joined.code);
    phones.push({ socket, token: joined.data.token, playerId: joined.data.you.playerId });
  }
  const started = await request(mc, 'live:control', { sessionId: created.data.sessionId, action: 'start', step: created.data.step });
  if (!started.ok) throw new Error(started.code);

  // Answers keep coming, one phone after another; the hub is killed while they do (after the 15th acknowledgement).
  const acknowledged: string[] = [];
  let fifteenth!: () => void;
  const fifteenAcknowledged = new Promise<void>((resolve) => (fifteenth = resolve));
  void (async () => {
    for (const phone of phones) {
      const ack = await request(phone.socket, 'live:answer', { token: phone.token, index: 0, choice: [0] }).catch(() => null);
      if (ack?.ok) acknowledged.push(phone.playerId);
      if (acknowledged.length === 15) fifteenth();
    }
  })().finally(() => fifteenth());
  // Every phone's link going down is the end: no acknowledgement can arrive after it.
  const linksDown = Promise.all(
    phones.map(({ socket }) => new Promise((resolve) => (socket.connected ? socket.once('disconnect', resolve) : resolve(undefined)))),
  );
  await fifteenAcknowledged;
  await hub.kill();
  await linksDown;
  phones.forEach(({ socket }) => socket.close());
  mc.close();
  expect(acknowledged.length).toBeGreaterThanOrEqual(15);

  hub = await startHubProcess({ port: hub.port, dataDir: hub.dataDir });
  const db = new Database(path.join(hub.dataDir, 'eventday.db'), { readonly: true });
  const stored = new Set(db.prepare('SELECT player_id FROM live_answers WHERE session_id = ?').pluck().all(created.data.sessionId) as string[]);
  db.close();
  expect(acknowledged.filter((playerId) => !stored.has(playerId))).toEqual([]);

  const console = await staffSocket(hub.base, await signIn(hub.base));
  const resumed = await request(console, 'live:watch', { sessionId: created.data.sessionId });
  expect(resumed).toMatchObject({ ok: true, data: { phase: 'question', index: 0, answered: stored.size } });
  expect(resumed.ok && questionOf(resumed.data)!.deadline).toBe(questionOf(started.data)!.deadline);
  // The show goes on: a phone that had not answered still can.
  const waiting = phones.find((phone) => !stored.has(phone.playerId));
  if (waiting) {
    const phone = await connectClient(hub.base, 'kiosk');
    expect(await request(phone, 'live:answer', { token: waiting.token, index: 0, choice: [1] })).toMatchObject({ ok: true });
    phone.close();
  }
  console.close();
  await hub.stop();
}, 60_000);
