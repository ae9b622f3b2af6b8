import { expect, test } from 'vitest';
import { decideScan, eventDay } from '../../server/checkin/checkin-rules.ts';

const valid = { ok: true as const, keyId: 'k1', visitorId: '0123456789' };
const online = { offline: false, deviceId: 'dev-a' };

test('a first scan counts; a repeat is amber and counts nothing', () => {
  expect(decideScan(valid, true, undefined, online)).toEqual({ result: 'welcome', counted: true, conflict: false });
  expect(decideScan(valid, true, { deviceId: 'dev-a' }, online)).toEqual({ result: 'again', counted: false, conflict: false });
});

test('an offline repeat of another kiosk\u2019s count is flagged; the same kiosk\u2019s is not', () => {
  expect(decideScan(valid, true, { deviceId: 'dev-b' }, { offline: true, deviceId: 'dev-a' }).conflict).toBe(true);
  expect(decideScan(valid, true, { deviceId: 'dev-a' }, { offline: true, deviceId: 'dev-a' }).conflict).toBe(false);
  expect(decideScan(valid, true, { deviceId: 'dev-b' }, online).conflict).toBe(false);
});

test('a bad pass or an unknown visitor is red with the reason', () => {
  expect(decideScan({ ok: false, reason: 'bad-signature' }, false, undefined, online)).toMatchObject({ result: 'invalid', reason: 'bad-signature' });
  expect(decideScan(valid, false, undefined, online)).toMatchObject({ result: 'invalid', reason: 'unknown-visitor' });
});

test('the day is Beijing\u2019s: 23:30 UTC on 13 June is already 14 June', () => {
  expect(eventDay(Date.UTC(2026, 5, 13, 23, 30))).toBe('2026-06-14');
  expect(eventDay(Date.UTC(2026, 5, 13, 15, 59))).toBe('2026-06-13');
});
