import type { ErrorTable } from './error-table.ts';

/** The liaison list's import and its one-time password sheet: each code's HTTP status and the sentence a person reads (zh-CN first). */
export const liaisonErrors = {
  LIAISON_FILE_UNREADABLE: {
    status: 400,
    'zh-CN': '无法读取这个文件：请导入带表头（单位名称、姓名、手机……）的 .xlsx 或 .csv 文件。',
    en: 'The file cannot be read: import an .xlsx or .csv file with the header row (单位名称, 姓名, 手机, …).',
  },
  LIAISON_IMPORT_HAS_ERRORS: {
    status: 400,
    'zh-CN': '名单中有错误的行，未导入。可修改后重新导入，或选择只导入正确的行。',
    en: 'The list has bad rows, so nothing was imported. Fix them and import again, or choose to take only the good rows.',
  },
  LIAISON_SHEET_GONE: {
    status: 404,
    'zh-CN': '一次性密码表已下载过或已过期。可在 账号 中为某人重新生成一次性密码。',
    en: 'The one-time password sheet was already downloaded, or has expired. Make a new one-time password for a person under 账号.',
  },
} as const satisfies ErrorTable;
