import { expect, test } from 'vitest';
import { ceremonySteps, ceremonyView, checkAwardList, clampStep, moveCeremony } from '../../server/awards/awards-rules.ts';

const LIST = [
  {
    title: '优秀组织单位',
    titleEn: 'Outstanding units',
    winners: [
      { name: '台湖镇人民政府', unit: '' },
      { name: '宋庄镇应急管理办公室', unit: '' },
    ],
  },
  { title: '安全生产先进个人', titleEn: '', winners: [{ name: '王建国', unit: '通州区消防救援支队' }] },
];

test('the steps: each title card, then its winners one by one, then the summary', () => {
  expect(ceremonySteps(LIST).map((step) => step.kind)).toEqual(['category', 'winner', 'winner', 'category', 'winner', 'summary']);
  expect(ceremonySteps([])).toEqual([]);
});

test('a step shows what has been revealed up to it, and never a later winner', () => {
  const names = (step: number) => JSON.stringify(ceremonyView(LIST, step, 1));
  expect(ceremonyView(LIST, -1, 1)).toMatchObject({ phase: 'idle', revealed: [], summary: null, upcoming: { kind: 'category', title: '优秀组织单位' } });
  expect(names(-1)).not.toMatch(/台湖镇人民政府|王建国/);
  expect(ceremonyView(LIST, 0, 1)).toMatchObject({
    phase: 'category',
    category: { title: '优秀组织单位', winnerCount: 2 },
    revealed: [],
    upcoming: { kind: 'winner', ordinal: 1, of: 2 },
  });
  expect(names(0)).not.toMatch(/台湖镇人民政府/);
  expect(ceremonyView(LIST, 1, 1).revealed.map((w) => w.name)).toEqual(['台湖镇人民政府']);
  expect(names(1)).not.toMatch(/宋庄镇应急管理办公室|王建国/);
  expect(ceremonyView(LIST, 2, 1).revealed.map((w) => w.name)).toEqual(['台湖镇人民政府', '宋庄镇应急管理办公室']);
  // The next category's title may be previewed; its winner may not.
  expect(ceremonyView(LIST, 2, 1).upcoming).toMatchObject({ kind: 'category', title: '安全生产先进个人' });
  expect(names(3)).not.toMatch(/王建国/);
  expect(ceremonyView(LIST, 5, 1)).toMatchObject({ phase: 'summary', upcoming: null });
  expect(ceremonyView(LIST, 5, 1).summary!.flatMap((c) => c.winners.map((w) => w.name))).toEqual(['台湖镇人民政府', '宋庄镇应急管理办公室', '王建国']);
});

test('the buttons: next stops at the summary, back at the start, summary jumps, reset goes home', () => {
  expect(moveCeremony(-1, 6, 'next')).toEqual({ ok: true, step: 0 });
  expect(moveCeremony(5, 6, 'next')).toMatchObject({ ok: false });
  expect(moveCeremony(-1, 6, 'back')).toMatchObject({ ok: false });
  expect(moveCeremony(3, 6, 'back')).toEqual({ ok: true, step: 2 });
  expect(moveCeremony(1, 6, 'summary')).toEqual({ ok: true, step: 5 });
  expect(moveCeremony(5, 6, 'summary')).toMatchObject({ ok: false });
  expect(moveCeremony(4, 6, 'reset')).toEqual({ ok: true, step: -1 });
  expect(moveCeremony(-1, 0, 'next')).toMatchObject({ ok: false });
  expect(clampStep(7, 4)).toBe(3);
  expect(clampStep(2, 0)).toBe(-1);
});

test('a list is cleaned, and an empty name, a category twice or a winner twice is refused', () => {
  const cleaned = checkAwardList([{ title: ' 应急救援\u200b先锋 ', titleEn: '', winners: [{ name: '李  强', unit: '区应急局' }] }]);
  expect(cleaned).toMatchObject({ ok: true, categories: [{ title: '应急救援先锋', winners: [{ name: '李 强' }] }] });
  expect(checkAwardList([{ title: '\u200b', titleEn: '', winners: [{ name: 'a', unit: '' }] }]).ok).toBe(false);
  expect(checkAwardList([LIST[1]!, LIST[1]!]).ok).toBe(false);
  expect(
    checkAwardList([
      {
        title: 'x',
        titleEn: '',
        winners: [
          { name: '王', unit: '' },
          { name: '王', unit: '' },
        ],
      },
    ]).ok,
  ).toBe(false);
});
