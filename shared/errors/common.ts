import type { ErrorTable } from './error-table.ts';

/** Refusals any command or request may get: each code's HTTP status (for REST replies; 400 when none) and the sentence a person reads (zh-CN first). */
export const commonErrors = {
  BAD_PAYLOAD: {
    status: 400,
    'zh-CN': '请求内容格式不对，未做任何更改。',
    en: 'The request was not in the expected shape; nothing was changed.',
  },
  UNKNOWN_EVENT: {
    'zh-CN': '中控不认识这个操作，未做任何更改。',
    en: 'The hub does not know this action; nothing was changed.',
  },
  RATE_LIMITED: {
    status: 429,
    'zh-CN': '操作太频繁，请稍后再试。',
    en: 'Too many requests; please wait a moment.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    'zh-CN': '请求内容太大，已拒绝。',
    en: 'The request is too large and was refused.',
  },
  PROTOCOL_MISMATCH: {
    'zh-CN': '程序已更新，正在重新加载……',
    en: 'The app has been updated; reloading…',
  },
  NOT_FOUND: {
    status: 404,
    'zh-CN': '没有这个页面或资源。',
    en: 'There is no such page or resource.',
  },
  NO_ANSWER: {
    'zh-CN': '中控没有应答，请检查网络后重试。',
    en: 'The hub did not answer; check the network and try again.',
  },
  INTERNAL: {
    status: 500,
    'zh-CN': '中控出了点问题，操作未完成，请重试。',
    en: 'The hub hit a problem and did not finish; please try again.',
  },
} as const satisfies ErrorTable;
