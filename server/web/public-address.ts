import os from 'node:os';

/**
 * The address kiosks and phones should use: PUBLIC_URL when set, else this machine's first
 * LAN address (a phone cannot reach "localhost"), else loopback.
 */
export function publicBaseUrl(configured: string | undefined, host: string, port: number): string {
  if (configured) return configured;
  if (host === '127.0.0.1' || host === 'localhost' || host === '::1') return `http://127.0.0.1:${port}`;
  const lan = Object.values(os.networkInterfaces())
    .flat()
    .find((address) => address && address.family === 'IPv4' && !address.internal);
  return `http://${lan?.address ?? '127.0.0.1'}:${port}`;
}
