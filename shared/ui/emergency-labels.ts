import type { Locale } from '../errors.ts';

/** The overlay speaks both languages at once: a hall holds visitors of both. */
export const EMERGENCY_LABELS: Record<Locale, Record<'kicker' | 'raisedAt' | 'thisDevice', string>> = {
  'zh-CN': { kicker: '紧急通知', raisedAt: '发布时间', thisDevice: '本机名称' },
  en: { kicker: 'Emergency', raisedAt: 'Issued at', thisDevice: 'This device' },
};
