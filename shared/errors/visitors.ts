import type { ErrorTable } from './error-table.ts';

/** Visitors, registration and passes: each code's HTTP status (for REST replies; 400 when none) and the sentence a person reads (zh-CN first). */
export const visitorsErrors = {
  PASS_INVALID: {
    status: 400,
    'zh-CN': '这张通行证无法识别，请重新扫码，或不扫码直接开始。',
    en: 'This pass cannot be read; scan it again, or start without it.',
  },
  INVALID_MOBILE: {
    status: 400,
    'zh-CN': '手机号码不正确，请输入 11 位中国大陆手机号。',
    en: 'This is not a mainland mobile number (11 digits).',
  },
  CONSENT_REQUIRED: {
    status: 400,
    'zh-CN': '留下手机号或真实姓名前，请先阅读并同意个人信息告知。',
    en: 'Please read and agree to the personal-information notice before leaving a number or a real name.',
  },
  GUARDIAN_CONSENT_REQUIRED: {
    status: 400,
    'zh-CN': '14 岁以下的小朋友需要监护人同意后才能登记。',
    en: 'Children under 14 can register only with a guardian’s agreement.',
  },
  NAME_INVALID: {
    status: 400,
    'zh-CN': '名字不能为空，也不能太长（最多 20 个字）。',
    en: 'The name must not be empty or too long (20 characters at most).',
  },
} as const satisfies ErrorTable;
