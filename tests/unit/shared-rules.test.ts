import { expect, test } from 'vitest';
import { ERROR_MESSAGES, LOCALES } from '../../shared/errors.ts';
import { isNewerRevision } from '../../shared/revision.ts';
import { sameScene } from '../../display/src/console/same-scene.ts';
import { SCENES } from '../../display/src/scenes/registry.ts';
import { Scene, SCENE_KINDS } from '../../shared/scenes.ts';
import { Value } from '@sinclair/typebox/value';
import { displayCatalog } from '../../display/src/i18n/catalog.ts';
import { kioskCatalog } from '../../kiosk/src/i18n/catalog.ts';

test('a client applies only revisions newer than what it shows', () => {
  expect(isNewerRevision(undefined, 0)).toBe(true);
  expect(isNewerRevision(3, 4)).toBe(true);
  expect(isNewerRevision(4, 4)).toBe(false);
  expect(isNewerRevision(5, 4)).toBe(false);
});

test('every error code reads in Chinese and English', () => {
  for (const [code, messages] of Object.entries(ERROR_MESSAGES)) {
    for (const locale of LOCALES) expect(messages[locale].length, `${code} ${locale}`).toBeGreaterThan(4);
    expect(messages['zh-CN'], code).toMatch(/[\u4e00-\u9fff]/);
  }
});

test('both catalogs have every key in both languages, with the same placeholders', () => {
  for (const catalog of [displayCatalog, kioskCatalog] as const) {
    const zh = catalog['zh-CN'] as Record<string, string>;
    const en = catalog.en as Record<string, string>;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh)) {
      const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(en[key]!), key).toEqual(placeholders(zh[key]!));
    }
  }
});

test('every kind of scene has a registry entry whose blank scene, once filled and tidied, is what the hub checks', () => {
  const choices = { playlists: [{ id: 'festival-loop', name: '宣传', nameEn: 'Loop', items: [] }], venues: [] };
  for (const kind of SCENE_KINDS) {
    const entry = SCENES[kind];
    expect(entry.kind).toBe(kind);
    expect(entry.blank(choices).kind).toBe(kind);
  }
  // What an MC types is trimmed, and an empty optional field is left out.
  expect(SCENES.join.tidy!({ kind: 'join', title: '  扫码加入 ', url: '  ' })).toEqual({ kind: 'join', title: '扫码加入' });
  expect(SCENES.leaderboard.tidy!({ kind: 'leaderboard', venueId: '' })).toEqual({ kind: 'leaderboard' });
  const countdown = SCENES.countdown.tidy!({ kind: 'countdown', title: ' 启动仪式 ', to: '2026-06-14T09:35:00+08:00', endText: ' ' });
  expect(countdown).toEqual({ kind: 'countdown', title: '启动仪式', to: '2026-06-14T09:35:00+08:00' });
  expect(Value.Check(Scene, countdown)).toBe(true);
  const message = { kind: 'message', tone: 'notice', title: '请勿堵塞消防通道', body: '保持畅通' } as const;
  expect(SCENES.message.tidy!({ ...message, title: ` ${message.title} ` })).toEqual(message);
  expect(SCENES.loop.blank(choices)).toEqual({ kind: 'loop', playlistId: 'festival-loop' });
  expect(sameScene(message, { ...message })).toBe(true);
  expect(sameScene(message, { kind: 'blank' })).toBe(false);
});
