import { randomInt } from 'node:crypto';
import type { Db } from '../store/database.ts';
import { NAME_LIMITS, type RegisterBody, type RegisterReply } from '../../shared/visitors.ts';
import { characterCount, cleanName, normaliseMobile } from '../../shared/visitor-text.ts';
import { HubError } from '../hub-error.ts';
import type { PassKeys } from '../passes/pass-keys.ts';
import { insertVisitor } from './visitor-queries.ts';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomCode = (length: number) => Array.from({ length }, () => CROCKFORD[randomInt(CROCKFORD.length)]).join('');

function checkedName(text: string | undefined, limit: number, required: boolean): string | null {
  const cleaned = cleanName(text ?? '');
  if (!cleaned) {
    if (required) throw new HubError('NAME_INVALID', 'empty after removing invisible characters');
    return null;
  }
  if (characterCount(cleaned) > limit) throw new HubError('NAME_INVALID', `longer than ${limit} characters`);
  return cleaned;
}

/**
 * Registration: a nickname always; a number and a real name only with consent to the notice;
 * a child under 14 only with a guardian's agreement. Returns the signed pass.
 */
export function createVisitorService(db: Db, keys: PassKeys, onRegistered: () => void = () => {}, now = Date.now) {
  return {
    register(body: RegisterBody, via: { channel: 'phone' | 'kiosk'; deviceId: string | null }): RegisterReply {
      if (body.under14 && !body.guardianConsent) throw new HubError('GUARDIAN_CONSENT_REQUIRED');
      const nickname = checkedName(body.nickname, NAME_LIMITS.nickname, true)!;
      const realName = checkedName(body.realName, NAME_LIMITS.realName, false);
      const unit = checkedName(body.unit, NAME_LIMITS.unit, false);
      const mobileText = body.mobile?.trim() ?? '';
      const mobile = mobileText ? normaliseMobile(mobileText) : null;
      if (mobileText && !mobile) throw new HubError('INVALID_MOBILE');
      if ((mobile || realName) && !body.privacyConsent) throw new HubError('CONSENT_REQUIRED');

      for (;;) {
        const visitor = { id: randomCode(10), shortCode: randomCode(8) };
        try {
          insertVisitor(
            db,
            {
              ...visitor,
              nickname,
              realName,
              showRealName: Boolean(body.showRealName && realName),
              mobile,
              unit,
              under14: Boolean(body.under14),
              guardianConsent: Boolean(body.guardianConsent),
              privacyConsentAt: body.privacyConsent ? now() : null,
              registeredVia: via.channel,
              registeredDevice: via.deviceId,
            },
            now(),
          );
          onRegistered();
          return { visitorId: visitor.id, shortCode: visitor.shortCode, nickname, pass: keys.issue(visitor.id) };
        } catch (error) {
          // A random id already taken (one in 10^15): draw again.
          if (!String(error).includes('UNIQUE')) throw error;
        }
      }
    },
  };
}
