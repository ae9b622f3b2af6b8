import type { ErrorTable } from './error-table.ts';

/** The kiosk challenge and the question bank: each code's HTTP status (for REST replies; 400 when none) and the sentence a person reads (zh-CN first). */
export const quizErrors = {
  QUIZ_UNKNOWN_CHALLENGE: {
    status: 404,
    'zh-CN': '找不到这局答题，请重新开始。',
    en: 'This challenge is not known; please start again.',
  },
  QUIZ_NOT_ASKED: {
    status: 409,
    'zh-CN': '这道题还没有出，不能作答。',
    en: 'This question has not been asked yet.',
  },
  QUIZ_ALREADY_ANSWERED: {
    status: 409,
    'zh-CN': '这道题已经答过了，每题只能答一次。',
    en: 'This question is already answered; each question takes one answer.',
  },
  QUIZ_TOO_LATE: {
    status: 409,
    'zh-CN': '时间已到，这次作答没有计入。',
    en: 'Time was up; this answer was not counted.',
  },
  QUIZ_BAD_CHOICE: {
    status: 400,
    'zh-CN': '选择的选项不对（不存在、重复，或单选题选了多个）。',
    en: 'That choice is not valid (no such option, twice the same, or several for a single-choice question).',
  },
  QUIZ_FINISHED: {
    status: 409,
    'zh-CN': '这局答题已经结束。',
    en: 'This challenge is already finished.',
  },
  QUIZ_NOT_FINISHED: {
    status: 409,
    'zh-CN': '这局答题还没有答完。',
    en: 'This challenge is not finished yet.',
  },
  QUIZ_NO_QUESTIONS: {
    status: 503,
    'zh-CN': '题库里可用的题目不够，请联系工作人员。',
    en: 'The question bank has too few questions in play; please ask the staff.',
  },
  UNKNOWN_QUESTION: {
    status: 404,
    'zh-CN': '找不到这道题。',
    en: 'There is no question with this id.',
  },
  BANK_FILE_TYPE: {
    status: 400,
    'zh-CN': '只能导入 XLSX、CSV 或 JSON 文件。',
    en: 'Only XLSX, CSV or JSON files can be imported.',
  },
  BANK_FILE_ENCODING: {
    status: 400,
    'zh-CN': '无法识别文件的文字编码，请另存为 UTF-8 的 CSV 或 XLSX 后再导入。',
    en: 'The file’s text encoding is not recognised; save it as UTF-8 CSV or XLSX and import again.',
  },
  BANK_FILE_UNREADABLE: {
    status: 400,
    'zh-CN': '文件无法读取，可能已损坏。',
    en: 'The file cannot be read; it may be damaged.',
  },
  BANK_IMPORT_HAS_ERRORS: {
    status: 400,
    'zh-CN': '文件中有错误的行，未导入任何题目。可修改后重新导入，或选择只导入正确的行。',
    en: 'The file has bad rows, so nothing was imported. Fix them and import again, or choose to take only the good rows.',
  },
} as const satisfies ErrorTable;
