import { describe, expect, test } from 'vitest';
import { CUSTOM_TITLE, EMERGENCY_PRESETS, EMERGENCY_PRESET_IDS } from '../../shared/emergency.ts';
import { deviceEmergencyState, noticeFrom, pickVenues } from '../../server/emergency/emergency-rules.ts';
import { isSilent } from '../../server/devices/device-health.ts';

const VENUES = ['taihu', 'songzhuang', 'lucheng'];

describe('which venues a request means', () => {
  test('all is every venue; a list is kept once each', () => {
    expect(pickVenues('all', VENUES)).toEqual(VENUES);
    expect(pickVenues(['lucheng', 'taihu', 'lucheng'], VENUES)).toEqual(['lucheng', 'taihu']);
  });
  test('an unknown venue is refused by name', () => {
    expect(() => pickVenues(['taihu', 'moon'], VENUES)).toThrow(/UNKNOWN_VENUE: no venue "moon"/);
  });
});

describe('what a notice says', () => {
  test('every preset has both languages and a tone', () => {
    for (const id of EMERGENCY_PRESET_IDS) {
      const notice = noticeFrom({ preset: id });
      expect(notice).toEqual({ preset: id, ...EMERGENCY_PRESETS[id] });
      for (const text of [notice.title, notice.body]) expect(text['zh-CN'].length && text.en.length).toBeGreaterThan(0);
    }
  });
  test('a custom text is trimmed, shown in both places, under a fixed heading', () => {
    expect(noticeFrom({ text: '  东门关闭，请走西门 ' })).toEqual({
      preset: null,
      tone: 'alarm',
      title: CUSTOM_TITLE,
      body: { 'zh-CN': '东门关闭，请走西门', en: '东门关闭，请走西门' },
    });
  });
  test('empty, blank, too long (counted in characters, not bytes), missing or doubled is refused', () => {
    expect(noticeFrom({ text: '安'.repeat(200) }).body['zh-CN']).toHaveLength(200);
    for (const text of ['', '  \n', '安'.repeat(201)]) expect(() => noticeFrom({ text })).toThrow(/EMERGENCY_TEXT_INVALID/);
    expect(() => noticeFrom({})).toThrow(/EMERGENCY_TEXT_INVALID/);
    expect(() => noticeFrom({ preset: 'evacuate', text: '两个' })).toThrow(/BAD_PAYLOAD/);
  });
});

test('a device shows the notice only once it acknowledged this one, and is offline whenever not connected', () => {
  expect(deviceEmergencyState(true, 'em-1', 'em-1')).toBe('shown');
  expect(deviceEmergencyState(true, 'em-0', 'em-1')).toBe('pending');
  expect(deviceEmergencyState(true, undefined, 'em-1')).toBe('pending');
  expect(deviceEmergencyState(false, 'em-1', 'em-1')).toBe('offline');
  expect(deviceEmergencyState(false, undefined, 'em-1')).toBe('offline');
});

test('a device is silent after the limit without a word, or when never heard from; a revoked one never', () => {
  expect(isSilent(10_000, null, 25_000, 15_000)).toBe(false);
  expect(isSilent(10_000, null, 25_001, 15_000)).toBe(true);
  expect(isSilent(null, null, 1, 15_000)).toBe(true);
  expect(isSilent(null, 5, 100_000, 15_000)).toBe(false);
});
