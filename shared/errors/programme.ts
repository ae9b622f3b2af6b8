import type { ErrorTable } from './error-table.ts';

/** The running order: each code's HTTP status (for REST replies; 400 when none) and the sentence a person reads (zh-CN first). */
export const programmeErrors = {
  // Running order (节目单)
  PROGRAMME_UNKNOWN_ITEM: {
    status: 404,
    'zh-CN': '节目单里找不到这一项，可能已被删除。',
    en: 'There is no such item in the running order; it may have been removed.',
  },
  PROGRAMME_TEXT: {
    status: 400,
    'zh-CN': '节目名称不能为空，中文最多 40 个字，英文最多 80 个字符；表演者最多 60 个字，备注最多 300 个字。',
    en: 'The title must not be empty: 40 characters at most in Chinese, 80 in English; performers 60, notes 300 at most.',
  },
  PROGRAMME_TIME_INVALID: {
    status: 400,
    'zh-CN': '开始时间不对：请填 00:00 到 23:59 之间的时间，并在当天 24:00 前结束。',
    en: 'The start time is not valid: use a time from 00:00 to 23:59, ending by midnight.',
  },
  PROGRAMME_TIME_PAST: {
    status: 400,
    'zh-CN': '开始时间已经过去，请填一个还没到的时间。',
    en: 'That start time has already passed; choose a time still to come.',
  },
  PROGRAMME_OVERLAP: {
    status: 409,
    'zh-CN': '这个时间与节目单里的另一项重叠，请调整开始时间或时长。',
    en: 'This time overlaps another item of the running order; change the start or the length.',
  },
  PROGRAMME_LENGTH: {
    status: 400,
    'zh-CN': '时长要在 1 到 240 分钟之间。',
    en: 'The length must be from 1 to 240 minutes.',
  },
  PROGRAMME_STALE: {
    status: 409,
    'zh-CN': '节目单刚刚变了（可能是重复按键或另一位主持人），请看清当前节目再按。',
    en: 'The running order just changed (a double press or another MC); check what is on now and press again.',
  },
  PROGRAMME_END: {
    status: 409,
    'zh-CN': '已经没有下一项（或上一项）了。',
    en: 'There is no further item (or no earlier one) to go to.',
  },
  PROGRAMME_ON_AIR: {
    status: 409,
    'zh-CN': '这一项正在进行，不能删除；请先切到别的节目。',
    en: 'This item is on now and cannot be removed; move on to another item first.',
  },
  PROGRAMME_BAD_COUNTDOWN: {
    status: 400,
    'zh-CN': '倒计时的目标时间无法识别。',
    en: 'The countdown’s target time cannot be read.',
  },
} as const satisfies ErrorTable;
