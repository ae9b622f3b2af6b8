import type { Catalog } from '../../../shared/client/catalog.ts';

const zh = {
  'festival.name': '第十九届安全文化节',
  'festival.day': '通州区安全宣传咨询日 · 6月14日',
  'festival.venue': '台湖主会场',
  'theme.first': '人人讲安全',
  'theme.second': '个个会应急',
  'theme.third': '畅通生命通道',
  'home.welcome': '欢迎参加！请选择：',
  'entry.register': '注册通行证',
  'entry.register.hint': '领取扫码通行证',
  'entry.checkin': '入场签到',
  'entry.checkin.hint': '扫码打卡集章',
  'entry.quiz': '安全知识闯关',
  'entry.quiz.hint': '答十题 赢好礼',
  'entry.live': '现场竞答',
  'entry.live.hint': '手机参与舞台答题',
  'soon.title': '即将开放',
  'soon.body': '“{entry}”将在活动当天开放，请留意现场大屏。',
  'soon.close': '知道了',
  'emergency.title': '紧急电话',
  'emergency.fire': '火警',
  'emergency.ambulance': '急救',
  'emergency.police': '报警',
  'emergency.traffic': '交通事故',
  'lang.switch': 'English',
} as const;

export type KioskKey = keyof typeof zh;

const en: Record<KioskKey, string> = {
  'festival.name': '19th Safety Culture Festival',
  'festival.day': 'Tongzhou Safety Publicity Day · 14 June',
  'festival.venue': 'Taihu Main Venue',
  'theme.first': 'Safety is everyone’s business',
  'theme.second': 'Everyone ready for emergencies',
  'theme.third': 'Keep lifelines clear',
  'home.welcome': 'Welcome! What would you like to do?',
  'entry.register': 'Get a pass',
  'entry.register.hint': 'Your QR pass for the day',
  'entry.checkin': 'Check in',
  'entry.checkin.hint': 'Scan and collect stamps',
  'entry.quiz': 'Safety quiz',
  'entry.quiz.hint': 'Ten questions, win prizes',
  'entry.live': 'Live stage quiz',
  'entry.live.hint': 'Play along on your phone',
  'soon.title': 'Coming soon',
  'soon.body': '“{entry}” opens on the event day; watch the big screens.',
  'soon.close': 'OK',
  'emergency.title': 'Emergency numbers',
  'emergency.fire': 'Fire',
  'emergency.ambulance': 'Ambulance',
  'emergency.police': 'Police',
  'emergency.traffic': 'Traffic accident',
  'lang.switch': '中文',
};

export const kioskCatalog: Catalog<KioskKey> = { 'zh-CN': zh, en };
