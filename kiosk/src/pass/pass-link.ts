import type { RegisterReply } from '../../../shared/visitors.ts';

/**
 * A link that carries a pass from a kiosk to the visitor's phone: scanned with the phone's camera,
 * it opens the pass page, which keeps the pass. In the fragment, so it never reaches a server log.
 */
export function passLink(origin: string, pass: RegisterReply): string {
  const fields = new URLSearchParams({ pass: pass.pass, code: pass.shortCode, name: pass.nickname, id: pass.visitorId });
  return `${origin}/kiosk/pass#${fields.toString()}`;
}

/** The pass a link carries, or null. */
export function passFromLink(hash: string): RegisterReply | null {
  const fields = new URLSearchParams(hash.replace(/^#/, ''));
  const pass = fields.get('pass');
  const shortCode = fields.get('code');
  const nickname = fields.get('name');
  const visitorId = fields.get('id');
  return pass && shortCode && nickname && visitorId ? { pass, shortCode, nickname, visitorId } : null;
}
