import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../store/database.ts';

/**
 * A live-quiz player's token: `<sessionId>.<playerId>.<signature>`, signed with a secret the hub
 * keeps in its store, so a phone that reloads proves it is the same player, and nobody can make
 * a token for someone else. It survives a hub restart (the secret is stored).
 */
export function createPlayerTokens(db: Db) {
  let secret = db.prepare("SELECT value FROM hub_secrets WHERE name = 'live-player'").pluck().get() as Buffer | undefined;
  if (!secret) {
    secret = randomBytes(32);
    db.prepare("INSERT INTO hub_secrets (name, value) VALUES ('live-player', ?)").run(secret);
  }
  const key = secret;
  const sign = (text: string) => createHmac('sha256', key).update(text).digest('base64url');
  return {
    issue: (sessionId: string, playerId: string) => `${sessionId}.${playerId}.${sign(`${sessionId}.${playerId}`)}`,
    /** The session and player a token names, or null when it was not made by this hub. */
    read(token: string): { sessionId: string; playerId: string } | null {
      const [sessionId, playerId, signature, extra] = token.split('.');
      if (!sessionId || !playerId || !signature || extra !== undefined) return null;
      const expected = Buffer.from(sign(`${sessionId}.${playerId}`));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given) ? { sessionId, playerId } : null;
    },
    /** The join code a rotating QR carries for this PIN in a time window. */
    joinCode: (pin: string, window: number) =>
      sign(`join.${pin}.${window}`)
        .replace(/[^A-Za-z0-9]/g, '')
        .slice(0, 6)
        .toUpperCase(),
  };
}

export type PlayerTokens = ReturnType<typeof createPlayerTokens>;
