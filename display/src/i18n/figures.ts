import { catalogPart } from '../../../shared/client/catalog.ts';

/** The day's figures: the `stats` and `leaderboard` scenes and the figures tab. */
export const figuresWords = catalogPart(
  {
    'leaderboard.title': '安全知识闯关 · 今日排行榜',
    'leaderboard.overall': '全部会场',
    'leaderboard.hide': '隐藏（不雅昵称）',
    'leaderboard.hideConfirm': '再按一次确认隐藏',
    'leaderboard.correct': '答对 {count} 题',
    'leaderboard.time': '用时 {seconds} 秒',
    'leaderboard.empty': '今天还没有人完成闯关，快去答题机挑战吧！',
    'stats.title': '今日参与情况',
    'stats.registered': '已注册',
    'stats.checkedIn': '今日入场',
    'stats.passports': '集齐印章',
    'stats.perHour': '每小时入场',
    'stats.stations': '体验点打卡',
    'stats.waiting': '正在读取数据……',
  },
  {
    'leaderboard.title': 'Safety quiz · Today’s leaderboard',
    'leaderboard.overall': 'All venues',
    'leaderboard.hide': 'Hide (offensive name)',
    'leaderboard.hideConfirm': 'Press again to hide',
    'leaderboard.correct': '{count} right',
    'leaderboard.time': '{seconds} s',
    'leaderboard.empty': 'Nobody has finished the quiz yet today: try it at a kiosk!',
    'stats.title': 'Today so far',
    'stats.registered': 'Registered',
    'stats.checkedIn': 'Checked in today',
    'stats.passports': 'Passports complete',
    'stats.perHour': 'Entries per hour',
    'stats.stations': 'Station stamps',
    'stats.waiting': 'Reading the figures…',
  },
);
