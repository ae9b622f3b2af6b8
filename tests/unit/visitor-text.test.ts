import { expect, test } from 'vitest';
import { characterCount, cleanName, normaliseMobile } from '../../shared/visitor-text.ts';

test('mobile numbers are accepted as people write them, and only mainland mobiles', () => {
  expect(normaliseMobile('13812341234')).toBe('13812341234');
  expect(normaliseMobile('１３８ １２３４ １２３４')).toBe('13812341234');
  expect(normaliseMobile('+86 138-1234-1234')).toBe('13812341234');
  expect(normaliseMobile('0086 13812341234')).toBe('13812341234');
  expect(normaliseMobile('138123412345')).toBeNull(); // 12 digits
  expect(normaliseMobile('12812341234')).toBeNull(); // not a mobile prefix
  expect(normaliseMobile('010-12345678')).toBeNull(); // a landline
  expect(normaliseMobile('')).toBeNull();
});

test('names lose invisible and direction characters, keep emoji, and count by characters', () => {
  expect(cleanName('张\u200b三')).toBe('张三');
  expect(cleanName('\u202eevil\u202c name')).toBe('evil name');
  expect(cleanName('  安全  小卫士 ')).toBe('安全 小卫士');
  expect(cleanName('小明🚒')).toBe('小明🚒');
  expect(characterCount('小明🚒')).toBe(3);
  expect(cleanName('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
});

test('the phone checks a registration as the hub will, and sends only what was given', async () => {
  const { checkRegistration, emptyRegistration } = await import('../../kiosk/src/register/registration.ts');
  const form = emptyRegistration();
  expect(checkRegistration(form)).toEqual({ ok: false, code: 'NAME_INVALID' });
  expect(checkRegistration({ ...form, nickname: '小明', mobile: '1381234' })).toEqual({ ok: false, code: 'INVALID_MOBILE' });
  expect(checkRegistration({ ...form, nickname: '小明', mobile: '13812341234' })).toEqual({ ok: false, code: 'CONSENT_REQUIRED' });
  expect(checkRegistration({ ...form, nickname: '小明', under14: true })).toEqual({ ok: false, code: 'GUARDIAN_CONSENT_REQUIRED' });
  expect(checkRegistration({ ...form, nickname: ' 小明 ', mobile: '13812341234', privacyConsent: true })).toEqual({
    ok: true,
    body: { nickname: '小明', privacyConsent: true, mobile: '13812341234' },
  });
});
