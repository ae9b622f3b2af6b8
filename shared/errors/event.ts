import type { ErrorTable } from './error-table.ts';

/** The event's setup: each code's HTTP status (for REST replies; 400 when none) and the sentence a person reads (zh-CN first). */
export const eventErrors = {
  EVENT_STALE: {
    status: 409,
    'zh-CN': '活动设置刚被其他人改过，未保存。请看最新内容后再改。',
    en: 'Someone else just changed the event’s setup, so nothing was saved. Look at the latest and edit again.',
  },
  EVENT_INVALID: {
    status: 400,
    'zh-CN': '活动设置有误（日期不存在、名称或主办单位为空、热线号码重复），未保存。',
    en: 'The event’s setup has a problem (a date that does not exist, an empty name or organiser, a hotline twice); nothing was saved.',
  },
  EVENT_LOGO_TYPE: {
    status: 415,
    'zh-CN': '标志只能是 PNG 或 JPEG 图片（按文件内容检查，SVG、网页等不行）。',
    en: 'The logo must be a PNG or JPEG picture (checked by its content; SVG, web pages and others are refused).',
  },
  EVENT_LOGO_TOO_BIG: {
    status: 413,
    'zh-CN': '标志图片太大，最大 1 MB。',
    en: 'The logo is too large: at most 1 MB.',
  },
  EVENT_EMERGENCY_ON_AIR: {
    status: 409,
    'zh-CN': '还有会场正在显示紧急通知，未做任何删除。请先解除紧急通知。',
    en: 'An emergency notice is still on screens at some venue, so nothing was removed. Clear the emergency first.',
  },
  EVENT_FILE_INVALID: {
    status: 400,
    'zh-CN': '这个活动文件不能导入，未做任何改动。原因见下：',
    en: 'This event file cannot be imported; nothing was changed. The reasons:',
  },
  EVENT_FILE_TOO_BIG: {
    status: 413,
    'zh-CN': '活动文件太大（最大 4 GB），未做任何改动。',
    en: 'The event file is too large (at most 4 GB); nothing was changed.',
  },
  EVENT_NO_LOGO: {
    status: 404,
    'zh-CN': '本活动还没有标志。',
    en: 'This event has no logo yet.',
  },
} as const satisfies ErrorTable;
