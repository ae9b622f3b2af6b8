/**
 * A visitor's pass, as its QR code carries it: `EDP1.<key id>.<visitor id>.<signature>`.
 * The signature is Ed25519 over `EDP1.<key id>.<visitor id>` with the hub's key, so a kiosk
 * holding the public keys checks a pass with no network. Pure: the signature check itself is
 * passed in (Node's crypto on the hub, a JS Ed25519 on kiosks).
 */
const PASS_VERSION = 'EDP1';
const MAX_PASS_LENGTH = 200;

type PassRefusal = 'empty' | 'too-long' | 'not-a-pass' | 'unknown-version' | 'malformed' | 'unknown-key' | 'bad-signature' | 'unknown-code';

export type PassCheck = { ok: true; keyId: string; visitorId: string } | { ok: false; reason: PassRefusal };

/** Crockford base32 without I, L, O, U: ten characters, read aloud or typed without doubt. */
const VISITOR_ID = /^[0-9A-HJKMNP-TV-Z]{10}$/;
const KEY_ID = /^k[0-9a-z]{1,8}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{86}$/;

export const signedText = (keyId: string, visitorId: string) => `${PASS_VERSION}.${keyId}.${visitorId}`;

export function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(base64);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export type VerifySignature = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean;

/**
 * Reads what a scanner delivered (a USB scanner adds CR/LF; a camera may add nothing) and
 * says whether it is a valid pass of one of these keys, and if not, why.
 */
export function checkPass(raw: string, publicKeys: Record<string, Uint8Array>, verify: VerifySignature): PassCheck {
  // NUL bytes too: some USB scanners pad a code with them.
  // eslint-disable-next-line no-control-regex
  const text = raw.replace(/^[\s\u0000]+|[\s\u0000]+$/g, '');
  if (!text) return { ok: false, reason: 'empty' };
  if (text.length > MAX_PASS_LENGTH) return { ok: false, reason: 'too-long' };
  const parts = text.split('.');
  if (!parts[0]?.startsWith('EDP')) return { ok: false, reason: 'not-a-pass' };
  if (parts[0] !== PASS_VERSION) return { ok: false, reason: 'unknown-version' };
  const [, keyId, visitorId, signature] = parts;
  if (parts.length !== 4 || !KEY_ID.test(keyId!) || !VISITOR_ID.test(visitorId!) || !SIGNATURE.test(signature!)) {
    return { ok: false, reason: 'malformed' };
  }
  const publicKey = publicKeys[keyId!];
  if (!publicKey) return { ok: false, reason: 'unknown-key' };
  const message = new TextEncoder().encode(signedText(keyId!, visitorId!));
  if (!verify(fromBase64Url(signature!), message, publicKey)) return { ok: false, reason: 'bad-signature' };
  return { ok: true, keyId: keyId!, visitorId: visitorId! };
}

/** A pass's short code: eight Crockford characters, typed on a kiosk keypad when a QR will not scan. */
export const SHORT_CODE_LENGTH = 8;
export const SHORT_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Reads a typed or scanned short code the forgiving Crockford way (lower case, O for 0, I and L
 * for 1, spaces and dashes ignored); null when it is not one.
 */
export function readShortCode(raw: string): string | null {
  const text = raw.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return text.length === SHORT_CODE_LENGTH && [...text].every((char) => SHORT_CODE_ALPHABET.includes(char)) ? text : null;
}
