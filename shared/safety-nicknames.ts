/**
 * Safety-themed nicknames for people who cannot or would not type one (a kiosk has no input
 * method; a child at the live quiz). A word of the day's themes, a role, and two digits so that
 * names on a leaderboard rarely collide.
 */
const THEMES: readonly [string, string][] = [
  ['消防', 'Fire'],
  ['应急', 'Rescue'],
  ['安全', 'Safety'],
  ['急救', 'First-Aid'],
  ['防汛', 'Flood'],
  ['逃生', 'Escape'],
  ['护航', 'Escort'],
  ['平安', 'Peace'],
];
const ROLES: readonly [string, string][] = [
  ['小卫士', 'Guard'],
  ['小达人', 'Pro'],
  ['守护者', 'Keeper'],
  ['先锋', 'Pioneer'],
  ['小能手', 'Ace'],
  ['宣传员', 'Herald'],
  ['小专家', 'Expert'],
  ['志愿者', 'Helper'],
];

export interface SafetyNickname {
  zh: string;
  en: string;
}

/** `count` different names; `random` returns [0, 1) (crypto-backed on devices, seeded in tests). */
export function safetyNicknames(count: number, random: () => number): SafetyNickname[] {
  const names = new Map<string, SafetyNickname>();
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  while (names.size < count) {
    const [themeZh, themeEn] = pick(THEMES);
    const [roleZh, roleEn] = pick(ROLES);
    const number = String(10 + Math.floor(random() * 90));
    names.set(themeZh + roleZh + number, { zh: `${themeZh}${roleZh}${number}`, en: `${themeEn} ${roleEn} ${number}` });
  }
  return [...names.values()];
}

/** A random number in [0, 1) from the platform's crypto source (browsers and Node alike). */
export function cryptoRandom(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;
}
