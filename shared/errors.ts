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
  // Running order (节目单)
  PROGRAMME_UNKNOWN_ITEM: {
    'zh-CN': '节目单里找不到这一项，可能已被删除。',
    en: 'There is no such item in the running order; it may have been removed.',
  },
  PROGRAMME_TEXT: {
    'zh-CN': '节目名称不能为空，中文最多 40 个字，英文最多 80 个字符；表演者最多 60 个字，备注最多 300 个字。',
    en: 'The title must not be empty: 40 characters at most in Chinese, 80 in English; performers 60, notes 300 at most.',
  },
  PROGRAMME_TIME_INVALID: {
    'zh-CN': '开始时间不对：请填 00:00 到 23:59 之间的时间，并在当天 24:00 前结束。',
    en: 'The start time is not valid: use a time from 00:00 to 23:59, ending by midnight.',
  },
  PROGRAMME_TIME_PAST: {
    'zh-CN': '开始时间已经过去，请填一个还没到的时间。',
    en: 'That start time has already passed; choose a time still to come.',
  },
  PROGRAMME_OVERLAP: {
    'zh-CN': '这个时间与节目单里的另一项重叠，请调整开始时间或时长。',
    en: 'This time overlaps another item of the running order; change the start or the length.',
  },
  PROGRAMME_LENGTH: {
    'zh-CN': '时长要在 1 到 240 分钟之间。',
    en: 'The length must be from 1 to 240 minutes.',
  },
  PROGRAMME_STALE: {
    'zh-CN': '节目单刚刚变了（可能是重复按键或另一位主持人），请看清当前节目再按。',
    en: 'The running order just changed (a double press or another MC); check what is on now and press again.',
  },
  PROGRAMME_END: {
    'zh-CN': '已经没有下一项（或上一项）了。',
    en: 'There is no further item (or no earlier one) to go to.',
  },
  PROGRAMME_ON_AIR: {
    'zh-CN': '这一项正在进行，不能删除；请先切到别的节目。',
    en: 'This item is on now and cannot be removed; move on to another item first.',
  },
  PROGRAMME_BAD_COUNTDOWN: {
    'zh-CN': '倒计时的目标时间无法识别。',
    en: 'The countdown’s target time cannot be read.',
  },
  EMERGENCY_TEXT_INVALID: {
    'zh-CN': '紧急通知的内容不能为空，最多 200 个字。未发布。',
    en: 'An emergency notice needs some text, 200 characters at most. Nothing was put on screen.',
  },
  EMERGENCY_NONE: {
    'zh-CN': '所选会场现在没有紧急通知，无需解除。',
    en: 'The chosen venues have no emergency notice on; there is nothing to clear.',
  },
  NO_ANSWER: {
    'zh-CN': '中控没有应答，请检查网络后重试。',
    en: 'The hub did not answer; check the network and try again.',
  },
  MEDIA_TYPE: {
    'zh-CN': '只能上传 MP4、WebM 视频或 JPG、PNG 图片，这个文件不是其中之一，未保存。',
    en: 'Only MP4 or WebM videos and JPG or PNG pictures can be uploaded; this file is none of them and was not kept.',
  },
  MEDIA_TOO_LARGE: {
    'zh-CN': '文件太大，未保存。请压缩后再上传。',
    en: 'The file is too large and was not kept; make it smaller and upload again.',
  },
  MEDIA_EMPTY: {
    'zh-CN': '没有收到文件内容，未保存。',
    en: 'No file content arrived; nothing was kept.',
  },
  MEDIA_DURATION_UNKNOWN: {
    'zh-CN': '读不出这段视频的时长，未保存。请换一个文件或填写时长。',
    en: 'The video’s length could not be read, so it was not kept; use another file or give its length.',
  },
  UNKNOWN_MEDIA: {
    'zh-CN': '找不到这个媒体文件。',
    en: 'There is no media file with this id.',
  },
  STAGE_FOLLOWING: {
    'zh-CN': '这个屏幕组正在跟随主会场，请先切换为自主控制再上屏。',
    en: 'This group follows the main stage; switch it to its own control before taking a scene.',
  },
  STAGE_FOLLOW_SELF: {
    'zh-CN': '主会场的主屏不能跟随自己。',
    en: 'The main stage cannot follow itself.',
  },
  DRAW_EMPTY_POOL: {
    'zh-CN': '这个奖池里没有人（可能今天还没有人签到，或都已中过奖），未抽奖。',
    en: 'Nobody is in this pool (no one checked in yet, or everyone has already won); nothing was drawn.',
  },
  DRAW_TOO_MANY: {
    'zh-CN': '中奖人数比奖池里的人还多，请减少中奖人数。',
    en: 'More winners were asked for than there are people in the pool; ask for fewer.',
  },
  DRAW_PRIZE_INVALID: {
    'zh-CN': '请填写奖品名称（最多 40 个字）。',
    en: 'Give the prize a name (40 characters at most).',
  },
  DRAW_UNKNOWN: {
    'zh-CN': '找不到这次抽奖。',
    en: 'There is no draw with this id.',
  },
  DRAW_STALE: {
    'zh-CN': '抽奖记录刚刚变了（可能是重复按键或另一位主持人），请看最新状态再按。',
    en: 'The draws just changed (a double press or another MC); look at the new state and press again.',
  },
  DRAW_ALREADY_REVEALED: {
    'zh-CN': '这次抽奖的结果已经公布过了。',
    en: 'This draw’s winners have already been revealed.',
  },
  AWARDS_WRONG_STEP: {
    'zh-CN': '现在不能执行这一步（已是最后一步、还没开始，或还没有奖项）。',
    en: 'That step is not possible now (already the last step, not started, or no categories yet).',
  },
  AWARDS_NO_CHAMPIONS: {
    'zh-CN': '这场竞答还没有得分的选手，暂时无法生成优胜者名单。',
    en: 'Nobody has scored in this live quiz yet, so there are no champions to take.',
  },
  AWARDS_STALE: {
    'zh-CN': '颁奖环节刚刚变了（可能是重复按键或另一位主持人），请看最新状态再按。',
    en: 'The ceremony just changed (a double press or another MC); look at the new state and press again.',
  },
  AWARDS_INVALID: {
    'zh-CN': '获奖名单有误（名称为空或太长、奖项重复、同一人重复），未保存。',
    en: 'The award list has a problem (an empty or over-long name, a category twice, a winner twice); nothing was saved.',
  },
  AWARDS_FILE_UNREADABLE: {
    'zh-CN': '无法读取这个文件：请导入带表头（奖项、获奖者、单位）的 .xlsx 文件。',
    en: 'The file cannot be read: import an .xlsx file with the header row (category, name, unit).',
  },
  AWARDS_IMPORT_HAS_ERRORS: {
    'zh-CN': '文件中有错误的行，未导入。可修改后重新导入，或选择只导入正确的行。',
    en: 'The file has bad rows, so nothing was imported. Fix them and import again, or choose to take only the good rows.',
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
