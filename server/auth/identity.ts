import type { Principal } from '../../shared/permissions.ts';
import type { AccountView, DeviceView, IdentityView } from '../../shared/identity.ts';

/** Who is asking: decided once per connection or request, from a session cookie or a device token. */
export type Identity = { kind: 'staff'; account: AccountView; sessionExpiresAt: number } | { kind: 'device'; device: DeviceView } | { kind: 'visitor' };

export const VISITOR: Identity = { kind: 'visitor' };

export function principalOf(identity: Identity): Principal {
  if (identity.kind === 'staff') return identity.account.role;
  if (identity.kind === 'device') return identity.device.kind;
  return 'visitor';
}

export function identityView(identity: Identity): IdentityView {
  const principal = principalOf(identity);
  if (identity.kind === 'staff') return { principal, account: identity.account };
  if (identity.kind === 'device') return { principal, device: identity.device };
  return { principal };
}

/** Who did it, for the audit log. */
export interface Actor {
  kind: Identity['kind'] | 'system';
  id: string;
  name: string;
  ip: string;
}

export function actorOf(identity: Identity, ip: string): Actor {
  if (identity.kind === 'staff') return { kind: 'staff', id: String(identity.account.id), name: identity.account.username, ip };
  if (identity.kind === 'device') return { kind: 'device', id: identity.device.id, name: identity.device.name, ip };
  return { kind: 'visitor', id: '', name: '', ip };
}
