/** One domain's error codes: the HTTP status of a REST refusal (400 when none) and its sentence in each language. */
export type ErrorTable = Record<string, { status?: number; 'zh-CN': string; en: string }>;
