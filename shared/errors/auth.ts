import type { ErrorTable } from './error-table.ts';

/** Staff sign-in, accounts and the guard: each code's HTTP status (for REST replies; 400 when none) and the sentence a person reads (zh-CN first). */
export const authErrors = {
  UNAUTHENTICATED: {
    status: 401,
    'zh-CN': '请先登录。',
    en: 'Please sign in first.',
  },
  FORBIDDEN: {
    status: 403,
    'zh-CN': '您的账号没有这项操作的权限。',
    en: 'Your account is not allowed to do this.',
  },
  BAD_CREDENTIALS: {
    status: 401,
    'zh-CN': '用户名或密码不正确。',
    en: 'The username or password is not right.',
  },
  SIGN_IN_LOCKED: {
    status: 429,
    'zh-CN': '登录失败次数过多，请稍后再试。',
    en: 'Too many failed sign-ins; try again later.',
  },
  CSRF_REFUSED: {
    status: 403,
    'zh-CN': '请求来源无法确认，已拒绝。请刷新页面后重试。',
    en: 'The request’s origin could not be confirmed; reload the page and try again.',
  },
  ORIGIN_REFUSED: {
    status: 403,
    'zh-CN': '不接受来自其他网站的连接。',
    en: 'Connections from other sites are not accepted.',
  },
  UNKNOWN_ACCOUNT: {
    status: 404,
    'zh-CN': '找不到这个账号。',
    en: 'There is no account with this id.',
  },
  USERNAME_TAKEN: {
    status: 409,
    'zh-CN': '这个用户名已被使用。',
    en: 'This username is already taken.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    'zh-CN': '请先设置新密码：一次性密码只能用来设置自己的密码。',
    en: 'Set a new password first: a one-time password only opens the form to set your own.',
  },
  PASSWORD_NOT_NEW: {
    status: 400,
    'zh-CN': '新密码不能与原密码相同。',
    en: 'The new password must differ from the old one.',
  },
  WEAK_PASSWORD: {
    status: 400,
    'zh-CN': '密码至少需要 10 个字符。',
    en: 'A password needs at least 10 characters.',
  },
} as const satisfies ErrorTable;
