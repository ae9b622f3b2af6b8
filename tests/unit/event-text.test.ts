import { describe, expect, test } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { DEMO_EVENT } from '../../server/demo/demo-event.ts';
import { EventSetup, type EventInfo } from '../../shared/event.ts';
import { dayText, eventText, themeLines, venueShown } from '../../shared/event-text.ts';
import { checkEventSetup, isRealDay } from '../../server/event/event-rules.ts';

const FIRE = { number: '119', label: '火警', labelEn: 'Fire' };

const info: EventInfo = {
  name: '安全宣传咨询日',
  nameEn: '',
  edition: '第二十届安全文化节',
  editionEn: '20th Safety Culture Festival',
  day: '2027-06-13',
  theme: '安全第一、预防为主——综合治理',
  themeEn: 'Safety first',
  organiser: '某区安委办',
  organiserEn: '',
  hotlines: [FIRE],
  logoUrl: null,
  venues: [
    { id: 'sub-1', name: '分会场一', nameEn: '', kind: 'sub' },
    { id: 'main', name: '主会场', nameEn: 'Main venue', kind: 'main' },
  ],
  revision: 3,
};

describe('the event in a language', () => {
  test('English texts left empty fall back to the Chinese ones', () => {
    expect(eventText(info, 'en')).toMatchObject({
      name: '安全宣传咨询日',
      edition: '20th Safety Culture Festival',
      theme: 'Safety first',
      organiser: '某区安委办',
    });
    expect(eventText(info, 'zh-CN').title).toBe('第二十届安全文化节 · 安全宣传咨询日');
    expect(eventText({ ...info, edition: '' }, 'zh-CN').title).toBe('安全宣传咨询日');
  });

  test('the day as people say it, in both languages; a broken day is shown as it is', () => {
    expect(dayText('2027-06-13', 'zh-CN')).toBe('6月13日');
    expect(dayText('2027-06-13', 'en')).toBe('13 June');
    expect(dayText('soon', 'en')).toBe('soon');
  });

  test('a theme splits into its phrases, at most three lines', () => {
    expect(themeLines('人人讲安全、个个会应急——畅通生命通道')).toEqual(['人人讲安全', '个个会应急', '畅通生命通道']);
    expect(themeLines('一、二、三、四、五')).toEqual(['一', '二', '三，四，五']);
    expect(themeLines('Safety first')).toEqual(['Safety first']);
    expect(themeLines('')).toEqual([]);
  });

  test('a device shows its own venue, else the main one, else none', () => {
    expect(venueShown(info, 'sub-1')?.name).toBe('分会场一');
    expect(venueShown(info, undefined)?.id).toBe('main');
    expect(venueShown(info, 'gone')?.id).toBe('main');
    expect(venueShown({ ...info, venues: [] }, undefined)).toBeNull();
  });
});

describe('the event setup checked beyond its schema', () => {
  const setup = { ...info, hotlines: [...info.hotlines] };
  test('real days only, leap years included', () => {
    expect(isRealDay('2028-02-29')).toBe(true);
    expect(isRealDay('2027-02-29')).toBe(false);
    expect(isRealDay('2027-13-01')).toBe(false);
    expect(isRealDay('2027-06-31')).toBe(false);
  });

  test('texts are trimmed; every problem is named at once', () => {
    const checked = checkEventSetup({ ...setup, name: '  名称  ', theme: ' 主题 ' });
    expect(checked).toMatchObject({ ok: true, setup: { name: '名称', theme: '主题' } });
    const wrong = checkEventSetup({ ...setup, name: ' ', day: '2027-02-30', hotlines: [FIRE, FIRE] });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.problems).toEqual(['day 2027-02-30 does not exist', 'the name is empty', 'hotline 119 is listed twice']);
  });
});

test("the demo's event passes the same checks as an organiser's (its English theme once did not fit)", () => {
  expect([...Value.Errors(EventSetup, DEMO_EVENT)].map((error) => `${error.path} ${error.message}`)).toEqual([]);
  expect(checkEventSetup(DEMO_EVENT).ok).toBe(true);
});
