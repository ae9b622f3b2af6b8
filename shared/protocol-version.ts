/**
 * Bumped whenever an event or payload changes shape. Kiosks run stale builds all day;
 * the hub refuses a handshake from another version and tells the client to reload.
 */
export const PROTOCOL_VERSION = 5;
