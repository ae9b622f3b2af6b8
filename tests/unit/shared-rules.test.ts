import { expect, test } from 'vitest';
import { ERROR_MESSAGES, LOCALES } from '../../shared/errors.ts';
import { isNewerRevision } from '../../shared/revision.ts';
import { draftToScene, emptyDraft, sameScene, sceneToDraft } from '../../display/src/console/scene-draft.ts';
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

test('the console form turns into the scene the hub checks, and back', () => {
  const draft = { ...emptyDraft('festival-loop'), kind: 'join' as const, title: '  扫码加入 ', url: '' };
  expect(draftToScene(draft)).toEqual({ kind: 'join', title: '扫码加入' });
  const message = { kind: 'message', tone: 'notice', title: '请勿堵塞消防通道', body: '保持畅通' } as const;
  expect(draftToScene(sceneToDraft(message, emptyDraft()))).toEqual(message);
  expect(draftToScene(sceneToDraft({ kind: 'loop', playlistId: 'x' }, emptyDraft()))).toEqual({ kind: 'loop', playlistId: 'x' });
  expect(sameScene(message, { ...message })).toBe(true);
  expect(sameScene(message, { kind: 'blank' })).toBe(false);
});
