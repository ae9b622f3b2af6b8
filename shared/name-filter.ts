/**
 * Nicknames typed by the public, before they reach a 10-metre screen: tags removed, and a short
 * block list of insults and vulgarities (Chinese and English) refused. Not a censor's list: the
 * MC can still rename or remove a player, and the console can hide a leaderboard entry.
 */
const BLOCKED = [
  '傻逼',
  '煞笔',
  '傻b',
  'sb',
  '草泥马',
  '操你',
  '他妈的',
  '妈的',
  '去死',
  '贱人',
  '婊子',
  '王八蛋',
  '滚蛋',
  '废物',
  '脑残',
  '智障',
  '屌',
  '鸡巴',
  '法轮',
  'fuck',
  'shit',
  'bitch',
  'cunt',
  'dick',
  'asshole',
  'nigger',
  'faggot',
];

/** Text without HTML tags or control characters, spaces collapsed. */
export function withoutTags(text: string): string {
  return text
    .replace(/<[^>]*>?/g, '')
    .replace(/[<>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function isBlockedName(name: string): boolean {
  const folded = name.toLowerCase().replace(/[\s._\-*]/g, '');
  return BLOCKED.some((word) => folded.includes(word));
}
