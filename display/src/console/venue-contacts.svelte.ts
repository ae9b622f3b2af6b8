import { liaisonHttp, type VenueContact } from '../../../shared/liaison.ts';
import type { StaffApi } from './staff-api.ts';

/**
 * Whom to call about each venue (its liaison persons), for the rows that say a device is offline:
 * loaded when a panel opens; masked by the hub for everyone but admins.
 */
export function venueContacts(api: StaffApi) {
  let contacts = $state.raw<VenueContact[]>([]);
  void api.call(liaisonHttp.contacts).then((ack) => {
    if (ack.ok) contacts = ack.data.contacts;
  });
  return { of: (venueId: string) => contacts.filter((contact) => contact.venueId === venueId) };
}
