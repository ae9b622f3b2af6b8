import type { ErrorTable } from './error-table.ts';

/** The award ceremony: each code's HTTP status (for REST replies; 400 when none) and the sentence a person reads (zh-CN first). */
export const awardsErrors = {
  AWARDS_WRONG_STEP: {
    status: 409,
    'zh-CN': '现在不能执行这一步（已是最后一步、还没开始，或还没有奖项）。',
    en: 'That step is not possible now (already the last step, not started, or no categories yet).',
  },
  AWARDS_NO_CHAMPIONS: {
    status: 409,
    'zh-CN': '这场竞答还没有得分的选手，暂时无法生成优胜者名单。',
    en: 'Nobody has scored in this live quiz yet, so there are no champions to take.',
  },
  AWARDS_STALE: {
    status: 409,
    'zh-CN': '颁奖环节刚刚变了（可能是重复按键或另一位主持人），请看最新状态再按。',
    en: 'The ceremony just changed (a double press or another MC); look at the new state and press again.',
  },
  AWARDS_INVALID: {
    status: 400,
    'zh-CN': '获奖名单有误（名称为空或太长、奖项重复、同一人重复），未保存。',
    en: 'The award list has a problem (an empty or over-long name, a category twice, a winner twice); nothing was saved.',
  },
  AWARDS_FILE_UNREADABLE: {
    status: 400,
    'zh-CN': '无法读取这个文件：请导入带表头（奖项、获奖者、单位）的 .xlsx 文件。',
    en: 'The file cannot be read: import an .xlsx file with the header row (category, name, unit).',
  },
  AWARDS_IMPORT_HAS_ERRORS: {
    status: 400,
    'zh-CN': '文件中有错误的行，未导入。可修改后重新导入，或选择只导入正确的行。',
    en: 'The file has bad rows, so nothing was imported. Fix them and import again, or choose to take only the good rows.',
  },
} as const satisfies ErrorTable;
