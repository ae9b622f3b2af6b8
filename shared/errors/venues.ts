import type { ErrorTable } from './error-table.ts';

/** Setting up venues, screen groups and check-in points: each code's HTTP status and the sentence a person reads (zh-CN first). */
export const venuesErrors = {
  VENUE_INVALID: {
    status: 400,
    'zh-CN': '会场信息有误（名称为空、名称重复或只能有一个主会场），未保存。',
    en: 'The venue has a problem (an empty or duplicate name, or a second main venue); nothing was saved.',
  },
  VENUE_RETIRED: {
    status: 409,
    'zh-CN': '这个会场、屏幕组或签到点已停用，请先恢复再修改。',
    en: 'This venue, screen group or check-in point is retired; restore it before changing it.',
  },
  VENUE_LAST_MAIN: {
    status: 409,
    'zh-CN': '主会场不能停用：先把另一个会场设为主会场。',
    en: 'The main venue cannot be retired: make another venue the main one first.',
  },
} as const satisfies ErrorTable;
