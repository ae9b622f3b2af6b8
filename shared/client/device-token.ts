/** A paired device's token, kept in the browser and sent in every handshake. */
const KEY = 'eventday.device.token';

export const deviceToken = {
  get: (): string | undefined => localStorage.getItem(KEY) ?? undefined,
  set: (token: string) => localStorage.setItem(KEY, token),
  clear: () => localStorage.removeItem(KEY),
};
