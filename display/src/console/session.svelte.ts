import type { HubConnection } from '../../../shared/client/hub-socket.svelte.ts';
import type { AccountView } from '../../../shared/identity.ts';
import { sessionHttp, type SessionReply } from '../../../shared/staff-rest.ts';
import type { StaffAck, StaffApi } from './staff-api.ts';

/**
 * The signed-in staff member. The cookie is HttpOnly: the page learns who it is from
 * GET /api/session, and reconnects its socket after signing in or out so the hub sees the change.
 */
export function createStaffSession(api: StaffApi, hub: HubConnection) {
  let account = $state.raw<AccountView | null>(null);
  let checked = $state(false);

  function adopt(reply: SessionReply) {
    api.setCsrfToken(reply.csrfToken);
    account = reply.account;
  }

  /** A reply that starts a session (sign-in, a new password): adopted, and the socket connects again as who it names. */
  function started(ack: StaffAck<SessionReply>): string | null {
    if (!ack.ok) return ack.message;
    adopt(ack.data);
    hub.reconnect();
    return null;
  }

  // The hub ended the session (expired, account disabled or changed): back to the sign-in form.
  hub.onReady((identity) => {
    if (!identity.account && account) account = null;
  });

  void api.call(sessionHttp.current).then((ack) => {
    if (ack.ok) adopt(ack.data);
    checked = true;
  });

  return {
    get account() {
      return account;
    },
    /** False until the page knows whether a session exists (avoids flashing the sign-in form). */
    get checked() {
      return checked;
    },
    async signIn(username: string, password: string): Promise<string | null> {
      return started(await api.call(sessionHttp.signIn, { body: { username, password } }));
    },
    /** The first sign-in with a one-time password ends here: a refusal's sentence, or null when set. */
    async changePassword(currentPassword: string, newPassword: string): Promise<string | null> {
      // The hub closed the sockets that carried the old identity.
      return started(await api.call(sessionHttp.changePassword, { body: { currentPassword, newPassword } }));
    },
    async signOut() {
      await api.call(sessionHttp.signOut);
      account = null;
      hub.reconnect();
    },
  };
}

export type StaffSession = ReturnType<typeof createStaffSession>;
