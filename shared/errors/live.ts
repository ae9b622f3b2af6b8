import type { ErrorTable } from './error-table.ts';

/** The live stage quiz: each code's HTTP status (for REST replies; 400 when none) and the sentence a person reads (zh-CN first). */
export const liveErrors = {
  LIVE_UNKNOWN_SESSION: {
    status: 404,
    'zh-CN': '找不到这场竞答。',
    en: 'There is no live quiz session with this id.',
  },
  LIVE_WRONG_STEP: {
    status: 409,
    'zh-CN': '现在不能执行这一步，请看当前环节。',
    en: 'That step is not possible now; check where the session stands.',
  },
  LIVE_STALE: {
    status: 409,
    'zh-CN': '画面刚刚变了（可能是重复按键或另一位主持人），请看最新状态再按。',
    en: 'The session just changed (a double press or another MC); look at the new state and press again.',
  },
  LIVE_PIN_INVALID: {
    status: 400,
    'zh-CN': '竞答码不对，请看大屏上的 6 位数字。',
    en: 'That PIN is not right; look for the six digits on the big screen.',
  },
  LIVE_JOIN_CODE: {
    status: 400,
    'zh-CN': '二维码已过期，请重新扫描大屏上的二维码。',
    en: 'The QR code has expired; scan the one on the big screen again.',
  },
  LIVE_VENUE_NOT_IN: {
    status: 403,
    'zh-CN': '这场竞答不对你所在的会场开放。',
    en: 'This live quiz is not open to your venue.',
  },
  LIVE_TOKEN_INVALID: {
    status: 401,
    'zh-CN': '找不到你的参赛记录，请重新加入。',
    en: 'Your place in the quiz was not found; please join again.',
  },
  LIVE_CLOSED: {
    status: 409,
    'zh-CN': '这道题已经停止作答。',
    en: 'This question is closed.',
  },
  LIVE_ALREADY_ANSWERED: {
    status: 409,
    'zh-CN': '这道题你已经作答了，每题只能答一次。',
    en: 'You have answered this question already; one answer per question.',
  },
  LIVE_UNKNOWN_PLAYER: {
    status: 404,
    'zh-CN': '找不到这位选手。',
    en: 'There is no such player in this session.',
  },
  NAME_BLOCKED: {
    status: 400,
    'zh-CN': '这个昵称不合适，请换一个。',
    en: 'That nickname is not suitable; please choose another.',
  },
} as const satisfies ErrorTable;
