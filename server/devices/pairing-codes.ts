import { randomInt } from 'node:crypto';
import type { DeviceKind } from '../../shared/permissions.ts';

/** No 0/O, 1/I/L: a code is read off a screen across a hall and typed by staff. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 6;
const CODE_LIFETIME_MS = 10 * 60_000;

export interface PendingPairing {
  code: string;
  kind: DeviceKind;
  socketId: string;
  expiresAt: number;
}

/**
 * Codes live in memory: they matter only while their device is connected and waiting, for
 * minutes. Each is used once; a device asking again replaces its earlier code.
 */
export function createPairingCodes(now = Date.now) {
  const byCode = new Map<string, PendingPairing>();

  function sweep() {
    for (const [code, pending] of byCode) if (pending.expiresAt <= now()) byCode.delete(code);
  }

  return {
    issue(kind: DeviceKind, socketId: string): PendingPairing {
      sweep();
      for (const [code, pending] of byCode) if (pending.socketId === socketId) byCode.delete(code);
      let code: string;
      do code = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
      while (byCode.has(code));
      const pending = { code, kind, socketId, expiresAt: now() + CODE_LIFETIME_MS };
      byCode.set(code, pending);
      return pending;
    },
    /** Takes a code out for good; undefined when it is unknown, used or expired. */
    redeem(code: string): PendingPairing | undefined {
      sweep();
      const normalised = code.trim().toUpperCase();
      const pending = byCode.get(normalised);
      byCode.delete(normalised);
      return pending;
    },
    forgetSocket(socketId: string) {
      for (const [code, pending] of byCode) if (pending.socketId === socketId) byCode.delete(code);
    },
  };
}

export type PairingCodes = ReturnType<typeof createPairingCodes>;
