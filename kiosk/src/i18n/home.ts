import { catalogPart } from '../../../shared/client/catalog.ts';

/** The home page, the event, the language switch and the emergency notice. */
export const homeWords = catalogPart(
  {
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
    'lang.switch': 'English',
  },
  {
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
    'lang.switch': '中文',
  },
);
