/** Error codes the hub answers with, and the sentence a person reads for each (zh-CN first). */
export const ERROR_MESSAGES = {
  BAD_PAYLOAD: {
    'zh-CN': '请求内容格式不对，未做任何更改。',
    en: 'The request was not in the expected shape; nothing was changed.',
  },
  UNKNOWN_EVENT: {
    'zh-CN': '中控不认识这个操作，未做任何更改。',
    en: 'The hub does not know this action; nothing was changed.',
  },
  UNKNOWN_SCENE_KIND: {
    'zh-CN': '不支持这种画面类型，未做任何更改。',
    en: 'This kind of scene is not supported; nothing was changed.',
  },
  UNKNOWN_GROUP: {
    'zh-CN': '找不到这个屏幕组，请检查地址。',
    en: 'There is no display group with this id; check the address.',
  },
  UNKNOWN_PLAYLIST: {
    'zh-CN': '找不到这个播放列表。',
    en: 'There is no playlist with this id.',
  },
  PREVIEW_CHANGED: {
    'zh-CN': '预览画面刚被别人改过，请确认新的预览后再上屏。',
    en: 'Someone changed the preview just now; check the new preview before taking it live.',
  },
  RATE_LIMITED: {
    'zh-CN': '操作太频繁，请稍后再试。',
    en: 'Too many requests; please wait a moment.',
  },
  PAYLOAD_TOO_LARGE: {
    'zh-CN': '请求内容太大，已拒绝。',
    en: 'The request is too large and was refused.',
  },
  PROTOCOL_MISMATCH: {
    'zh-CN': '程序已更新，正在重新加载……',
    en: 'The app has been updated; reloading…',
  },
  NOT_FOUND: {
    'zh-CN': '没有这个页面或资源。',
    en: 'There is no such page or resource.',
  },
  NO_ANSWER: {
    'zh-CN': '中控没有应答，请检查网络后重试。',
    en: 'The hub did not answer; check the network and try again.',
  },
  INTERNAL: {
    'zh-CN': '中控出了点问题，操作未完成，请重试。',
    en: 'The hub hit a problem and did not finish; please try again.',
  },
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export function errorMessage(code: ErrorCode, locale: Locale = 'zh-CN'): string {
  return ERROR_MESSAGES[code][locale];
}
