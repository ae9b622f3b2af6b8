import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { clientCommands, serverEvents } from '../../shared/events.ts';
import { HandshakeAuth } from '../../shared/handshake.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol-version.ts';

/**
 * Kiosks and screens run stale builds all day; the hub refuses a handshake of another protocol
 * version and tells them to reload. So every change to a command's or event's schema must come
 * with a new PROTOCOL_VERSION. This test keeps the two together: each version's schemas have a
 * fingerprint, recorded below once and never changed. A changed schema under the same version
 * fails here: bump PROTOCOL_VERSION (shared/protocol-version.ts) and add the new line.
 */
const RECORDED: Record<number, string> = {
  2: '4795ffc0bc302eba',
  3: '1f86d72f6ca8f2db',
  4: 'a0b52caedbcc6f12',
  5: '4f7f42fb7705df7e',
};

/** The schemas as JSON (TypeBox schemas are plain JSON Schema), keys sorted, hashed. */
function fingerprint(): string {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
          )
        : value;
  const protocol = JSON.stringify(sorted({ clientCommands, serverEvents, handshake: HandshakeAuth }));
  return createHash('sha256').update(protocol).digest('hex').slice(0, 16);
}

test('the protocol changes only with its version: the schemas match the fingerprint recorded for this version', () => {
  const now = fingerprint();
  const recorded = RECORDED[PROTOCOL_VERSION];
  expect(recorded, `PROTOCOL_VERSION ${PROTOCOL_VERSION} has no recorded fingerprint: record ${now}`).toBeDefined();
  expect(now, `the protocol's schemas changed under version ${PROTOCOL_VERSION}: bump PROTOCOL_VERSION and record ${now} for it`).toBe(recorded);
});
