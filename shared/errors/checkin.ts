import type { ErrorTable } from './error-table.ts';

/** Check-in: each code's HTTP status (for REST replies; 400 when none) and the sentence a person reads (zh-CN first). */
export const checkinErrors = {
  UNKNOWN_CHECKPOINT: {
    status: 404,
    'zh-CN': '找不到这个签到点。',
    en: 'There is no check-in point with this id.',
  },
} as const satisfies ErrorTable;
