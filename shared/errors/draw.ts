import type { ErrorTable } from './error-table.ts';

/** The prize draw: each code's HTTP status (for REST replies; 400 when none) and the sentence a person reads (zh-CN first). */
export const drawErrors = {
  DRAW_EMPTY_POOL: {
    status: 409,
    'zh-CN': '这个奖池里没有人（可能今天还没有人签到，或都已中过奖），未抽奖。',
    en: 'Nobody is in this pool (no one checked in yet, or everyone has already won); nothing was drawn.',
  },
  DRAW_TOO_MANY: {
    status: 409,
    'zh-CN': '中奖人数比奖池里的人还多，请减少中奖人数。',
    en: 'More winners were asked for than there are people in the pool; ask for fewer.',
  },
  DRAW_PRIZE_INVALID: {
    status: 400,
    'zh-CN': '请填写奖品名称（最多 40 个字）。',
    en: 'Give the prize a name (40 characters at most).',
  },
  DRAW_UNKNOWN: {
    status: 404,
    'zh-CN': '找不到这次抽奖。',
    en: 'There is no draw with this id.',
  },
  DRAW_STALE: {
    status: 409,
    'zh-CN': '抽奖记录刚刚变了（可能是重复按键或另一位主持人），请看最新状态再按。',
    en: 'The draws just changed (a double press or another MC); look at the new state and press again.',
  },
  DRAW_ALREADY_REVEALED: {
    status: 409,
    'zh-CN': '这次抽奖的结果已经公布过了。',
    en: 'This draw’s winners have already been revealed.',
  },
} as const satisfies ErrorTable;
