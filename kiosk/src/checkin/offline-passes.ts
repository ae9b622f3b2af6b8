import * as ed from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';
import { checkPass, fromBase64Url, type PassCheck } from '../../../shared/pass-format.ts';
import { visitorHttp } from '../../../shared/visitors.ts';

// Plain-HTTP venue pages have no crypto.subtle: a JS SHA-512 makes the checks synchronous and local.
ed.hashes.sha512 = sha512;

const KEYS = 'eventday.kiosk.passKeys';

/** The hub's public pass keys, kept on the kiosk so it can check passes while the hub is away. */
export async function refreshPassKeys(): Promise<void> {
  try {
    const response = await fetch(visitorHttp.passKeys.path);
    if (response.ok) localStorage.setItem(KEYS, JSON.stringify(await response.json()));
  } catch {
    // Offline: keep the keys from last time.
  }
}

export function checkPassOffline(text: string): PassCheck {
  const saved = JSON.parse(localStorage.getItem(KEYS) ?? '[]') as { keyId: string; publicKey: string }[];
  const keys = Object.fromEntries(saved.map((key) => [key.keyId, fromBase64Url(key.publicKey)]));
  return checkPass(text, keys, (signature, message, publicKey) => {
    try {
      return ed.verify(signature, message, publicKey);
    } catch {
      return false;
    }
  });
}
