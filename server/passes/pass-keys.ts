import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { Db } from '../store/database.ts';
import { signedText, toBase64Url, type VerifySignature } from '../../shared/pass-format.ts';

/** The DER prefix that turns a raw 32-byte Ed25519 public key into SPKI, which Node's crypto reads. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface PassKey {
  keyId: string;
  publicKey: Uint8Array;
}

/**
 * The hub's Ed25519 keys for passes. One is active (signs new passes); older ones still verify
 * until retired, so a rotation never invalidates passes already in visitors' pockets.
 */
export function createPassKeys(db: Db, now = Date.now) {
  const publicKeyObjects = new Map<string, KeyObject>();

  function rotate(): string {
    active = undefined;
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
    const count = db.prepare('SELECT COUNT(*) FROM pass_keys').pluck().get() as number;
    const keyId = `k${(count + 1).toString(36)}`;
    db.transaction(() => {
      db.prepare('UPDATE pass_keys SET active = 0').run();
      db.prepare('INSERT INTO pass_keys (key_id, public_raw, private_pkcs8, created_at, active) VALUES (?, ?, ?, ?, 1)').run(
        keyId,
        raw,
        privateKey.export({ format: 'der', type: 'pkcs8' }),
        now(),
      );
    })();
    return keyId;
  }

  // The signing key, parsed once and dropped on rotation.
  let active: { keyId: string; privateKey: KeyObject } | undefined;
  function activeKey(): { keyId: string; privateKey: KeyObject } {
    if (active) return active;
    let row = db.prepare('SELECT key_id, private_pkcs8 FROM pass_keys WHERE active = 1').get() as { key_id: string; private_pkcs8: Buffer } | undefined;
    if (!row) {
      rotate();
      row = db.prepare('SELECT key_id, private_pkcs8 FROM pass_keys WHERE active = 1').get() as { key_id: string; private_pkcs8: Buffer };
    }
    active = { keyId: row.key_id, privateKey: createPrivateKey({ key: row.private_pkcs8, format: 'der', type: 'pkcs8' }) };
    return active;
  }

  function publicKeys(): PassKey[] {
    const rows = db.prepare('SELECT key_id, public_raw FROM pass_keys WHERE retired_at IS NULL ORDER BY created_at').all() as {
      key_id: string;
      public_raw: Buffer;
    }[];
    return rows.map((row) => ({ keyId: row.key_id, publicKey: new Uint8Array(row.public_raw) }));
  }

  /** Node's Ed25519 check, with each key parsed once. */
  const verifySignature: VerifySignature = (signature, message, publicKey) => {
    const id = Buffer.from(publicKey).toString('hex');
    let key = publicKeyObjects.get(id);
    if (!key) {
      key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
      publicKeyObjects.set(id, key);
    }
    return verify(null, message, key, signature);
  };

  activeKey();
  return {
    rotate,
    publicKeys,
    verifySignature,
    /** Signs a visitor's pass with the active key. */
    issue(visitorId: string): string {
      const { keyId, privateKey } = activeKey();
      const signed = signedText(keyId, visitorId);
      return `${signed}.${toBase64Url(new Uint8Array(sign(null, Buffer.from(signed), privateKey)))}`;
    },
    retire(keyId: string) {
      db.prepare('UPDATE pass_keys SET retired_at = ? WHERE key_id = ? AND active = 0').run(now(), keyId);
    },
  };
}

export type PassKeys = ReturnType<typeof createPassKeys>;
