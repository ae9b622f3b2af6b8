/** What a device's link to the hub is doing, shown on every kiosk, screen and console. */
export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'reloading';
