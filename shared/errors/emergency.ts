import type { ErrorTable } from './error-table.ts';

/** The emergency override: each code's HTTP status (for REST replies; 400 when none) and the sentence a person reads (zh-CN first). */
export const emergencyErrors = {
  EMERGENCY_TEXT_INVALID: {
    status: 400,
    'zh-CN': '紧急通知的内容不能为空，最多 200 个字。未发布。',
    en: 'An emergency notice needs some text, 200 characters at most. Nothing was put on screen.',
  },
  EMERGENCY_NONE: {
    status: 409,
    'zh-CN': '所选会场现在没有紧急通知，无需解除。',
    en: 'The chosen venues have no emergency notice on; there is nothing to clear.',
  },
} as const satisfies ErrorTable;
