import type { ErrorCode } from '../../../shared/errors.ts';
import type { RegisterBody } from '../../../shared/visitors.ts';
import { NAME_LIMITS } from '../../../shared/visitors.ts';
import { characterCount, cleanName, normaliseMobile } from '../../../shared/visitor-text.ts';

export interface RegistrationForm {
  nickname: string;
  realName: string;
  showRealName: boolean;
  mobile: string;
  unit: string;
  privacyConsent: boolean;
  under14: boolean;
  guardianConsent: boolean;
}

export const emptyRegistration = (): RegistrationForm => ({
  nickname: '',
  realName: '',
  showRealName: false,
  mobile: '',
  unit: '',
  privacyConsent: false,
  under14: false,
  guardianConsent: false,
});

/**
 * The same rules the hub applies, checked on the phone first so a visitor hears at once what to
 * fix. The hub checks again: this is for the person, not for trust.
 */
export function checkRegistration(form: RegistrationForm): { ok: true; body: RegisterBody } | { ok: false; code: ErrorCode } {
  const nickname = cleanName(form.nickname);
  if (!nickname || characterCount(nickname) > NAME_LIMITS.nickname) return { ok: false, code: 'NAME_INVALID' };
  const mobile = form.mobile.trim();
  if (mobile && !normaliseMobile(mobile)) return { ok: false, code: 'INVALID_MOBILE' };
  const realName = cleanName(form.realName);
  if ((mobile || realName) && !form.privacyConsent) return { ok: false, code: 'CONSENT_REQUIRED' };
  if (form.under14 && !form.guardianConsent) return { ok: false, code: 'GUARDIAN_CONSENT_REQUIRED' };
  return {
    ok: true,
    body: {
      nickname,
      privacyConsent: form.privacyConsent,
      ...(realName ? { realName, showRealName: form.showRealName } : {}),
      ...(mobile ? { mobile } : {}),
      ...(cleanName(form.unit) ? { unit: cleanName(form.unit) } : {}),
      ...(form.under14 ? { under14: true, guardianConsent: form.guardianConsent } : {}),
    },
  };
}
