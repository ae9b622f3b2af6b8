import type { ConnectionStatus } from '../client/connection-status.ts';
import type { Locale } from '../errors.ts';

/** The connection badge reads the same on kiosks, screens and the console. */
export const CONNECTION_LABELS: Record<Locale, Record<ConnectionStatus, string>> = {
  'zh-CN': { connecting: '连接中', online: '在线', offline: '离线 · 正在重连', reloading: '正在更新' },
  en: { connecting: 'Connecting', online: 'Online', offline: 'Offline · reconnecting', reloading: 'Updating' },
};
