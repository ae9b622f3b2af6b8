import path from 'node:path';

export interface HubConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Address printed for people and put in join QR codes; derived from the LAN address when unset. */
  publicUrl: string | undefined;
  /** Built apps; tests point this at the repo's dist/. */
  appsDir: string;
  logLevel: string;
  /** The first admin's password on an empty store; without it a random one is printed once. */
  adminPassword: string | undefined;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${env.PORT}"`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    appsDir: path.resolve(env.APPS_DIR ?? './dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
    adminPassword: env.ADMIN_PASSWORD || undefined,
  };
}
