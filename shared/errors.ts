/** Error codes the hub answers with, and the sentence a person reads for each (zh-CN first). */
export const ERROR_MESSAGES = {
  LIVE_UNKNOWN_SESSION: {
    'zh-CN': '找不到这场竞答。',
    en: 'There is no live quiz session with this id.',
  },
  LIVE_WRONG_STEP: {
    'zh-CN': '现在不能执行这一步，请看当前环节。',
    en: 'That step is not possible now; check where the session stands.',
  },
  LIVE_STALE: {
    'zh-CN': '画面刚刚变了（可能是重复按键或另一位主持人），请看最新状态再按。',
    en: 'The session just changed (a double press or another MC); look at the new state and press again.',
  },
  LIVE_PIN_INVALID: {
    'zh-CN': '竞答码不对，请看大屏上的 6 位数字。',
    en: 'That PIN is not right; look for the six digits on the big screen.',
  },
  LIVE_JOIN_CODE: {
    'zh-CN': '二维码已过期，请重新扫描大屏上的二维码。',
    en: 'The QR code has expired; scan the one on the big screen again.',
  },
  LIVE_VENUE_NOT_IN: {
    'zh-CN': '这场竞答不对你所在的会场开放。',
    en: 'This live quiz is not open to your venue.',
  },
  LIVE_TOKEN_INVALID: {
    'zh-CN': '找不到你的参赛记录，请重新加入。',
    en: 'Your place in the quiz was not found; please join again.',
  },
  LIVE_CLOSED: {
    'zh-CN': '这道题已经停止作答。',
    en: 'This question is closed.',
  },
  LIVE_ALREADY_ANSWERED: {
    'zh-CN': '这道题你已经作答了，每题只能答一次。',
    en: 'You have answered this question already; one answer per question.',
  },
  LIVE_UNKNOWN_PLAYER: {
    'zh-CN': '找不到这位选手。',
    en: 'There is no such player in this session.',
  },
  NAME_BLOCKED: {
    'zh-CN': '这个昵称不合适，请换一个。',
    en: 'That nickname is not suitable; please choose another.',
  },
  PASS_INVALID: {
    'zh-CN': '这张通行证无法识别，请重新扫码，或不扫码直接开始。',
    en: 'This pass cannot be read; scan it again, or start without it.',
  },
  QUIZ_UNKNOWN_CHALLENGE: {
    'zh-CN': '找不到这局答题，请重新开始。',
    en: 'This challenge is not known; please start again.',
  },
  QUIZ_NOT_ASKED: {
    'zh-CN': '这道题还没有出，不能作答。',
    en: 'This question has not been asked yet.',
  },
  QUIZ_ALREADY_ANSWERED: {
    'zh-CN': '这道题已经答过了，每题只能答一次。',
    en: 'This question is already answered; each question takes one answer.',
  },
  QUIZ_TOO_LATE: {
    'zh-CN': '时间已到，这次作答没有计入。',
    en: 'Time was up; this answer was not counted.',
  },
  QUIZ_BAD_CHOICE: {
    'zh-CN': '选择的选项不对（不存在、重复，或单选题选了多个）。',
    en: 'That choice is not valid (no such option, twice the same, or several for a single-choice question).',
  },
  QUIZ_FINISHED: {
    'zh-CN': '这局答题已经结束。',
    en: 'This challenge is already finished.',
  },
  QUIZ_NOT_FINISHED: {
    'zh-CN': '这局答题还没有答完。',
    en: 'This challenge is not finished yet.',
  },
  QUIZ_NO_QUESTIONS: {
    'zh-CN': '题库里可用的题目不够，请联系工作人员。',
    en: 'The question bank has too few questions in play; please ask the staff.',
  },
  UNKNOWN_QUESTION: {
    'zh-CN': '找不到这道题。',
    en: 'There is no question with this id.',
  },
  BANK_FILE_TYPE: {
    'zh-CN': '只能导入 XLSX、CSV 或 JSON 文件。',
    en: 'Only XLSX, CSV or JSON files can be imported.',
  },
  BANK_FILE_ENCODING: {
    'zh-CN': '无法识别文件的文字编码，请另存为 UTF-8 的 CSV 或 XLSX 后再导入。',
    en: 'The file’s text encoding is not recognised; save it as UTF-8 CSV or XLSX and import again.',
  },
  BANK_FILE_UNREADABLE: {
    'zh-CN': '文件无法读取，可能已损坏。',
    en: 'The file cannot be read; it may be damaged.',
  },
  BANK_IMPORT_HAS_ERRORS: {
    'zh-CN': '文件中有错误的行，未导入任何题目。可修改后重新导入，或选择只导入正确的行。',
    en: 'The file has bad rows, so nothing was imported. Fix them and import again, or choose to take only the good rows.',
  },
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
  UNAUTHENTICATED: {
    'zh-CN': '请先登录。',
    en: 'Please sign in first.',
  },
  FORBIDDEN: {
    'zh-CN': '您的账号没有这项操作的权限。',
    en: 'Your account is not allowed to do this.',
  },
  BAD_CREDENTIALS: {
    'zh-CN': '用户名或密码不正确。',
    en: 'The username or password is not right.',
  },
  SIGN_IN_LOCKED: {
    'zh-CN': '登录失败次数过多，请稍后再试。',
    en: 'Too many failed sign-ins; try again later.',
  },
  CSRF_REFUSED: {
    'zh-CN': '请求来源无法确认，已拒绝。请刷新页面后重试。',
    en: 'The request’s origin could not be confirmed; reload the page and try again.',
  },
  ORIGIN_REFUSED: {
    'zh-CN': '不接受来自其他网站的连接。',
    en: 'Connections from other sites are not accepted.',
  },
  DEVICE_UNKNOWN: {
    'zh-CN': '这台设备的凭证无效，请重新配对。',
    en: 'This device’s credentials are not valid; pair it again.',
  },
  DEVICE_REVOKED: {
    'zh-CN': '这台设备已被停用，请重新配对。',
    en: 'This device has been revoked; pair it again.',
  },
  DEVICE_EXPIRED: {
    'zh-CN': '这台设备的配对已过期，请重新配对。',
    en: 'This device’s pairing has expired; pair it again.',
  },
  PAIRING_CODE_INVALID: {
    'zh-CN': '配对码不正确或已过期，请核对屏幕上的配对码。',
    en: 'The pairing code is wrong or has expired; check the code on the device.',
  },
  UNKNOWN_VENUE: {
    'zh-CN': '找不到这个会场。',
    en: 'There is no venue with this id.',
  },
  UNKNOWN_DEVICE: {
    'zh-CN': '找不到这台设备。',
    en: 'There is no device with this id.',
  },
  UNKNOWN_ACCOUNT: {
    'zh-CN': '找不到这个账号。',
    en: 'There is no account with this id.',
  },
  USERNAME_TAKEN: {
    'zh-CN': '这个用户名已被使用。',
    en: 'This username is already taken.',
  },
  WEAK_PASSWORD: {
    'zh-CN': '密码至少需要 10 个字符。',
    en: 'A password needs at least 10 characters.',
  },
  INVALID_MOBILE: {
    'zh-CN': '手机号码不正确，请输入 11 位中国大陆手机号。',
    en: 'This is not a mainland mobile number (11 digits).',
  },
  CONSENT_REQUIRED: {
    'zh-CN': '留下手机号或真实姓名前，请先阅读并同意个人信息告知。',
    en: 'Please read and agree to the personal-information notice before leaving a number or a real name.',
  },
  GUARDIAN_CONSENT_REQUIRED: {
    'zh-CN': '14 岁以下的小朋友需要监护人同意后才能登记。',
    en: 'Children under 14 can register only with a guardian’s agreement.',
  },
  NAME_INVALID: {
    'zh-CN': '名字不能为空，也不能太长（最多 20 个字）。',
    en: 'The name must not be empty or too long (20 characters at most).',
  },
  UNKNOWN_CHECKPOINT: {
    'zh-CN': '找不到这个签到点。',
    en: 'There is no check-in point with this id.',
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
