import type { Locale } from '../errors.ts';

/**
 * A message catalog per app: zh-CN is the reference, English must have every key.
 * The chosen language is remembered on the device.
 */
export type Catalog<K extends string> = Record<Locale, Record<K, string>>;

export function createLocale<K extends string>(catalog: Catalog<K>, storageKey: string) {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey);
  let locale = $state<Locale>(saved === 'en' ? 'en' : 'zh-CN');
  return {
    get locale() {
      return locale;
    },
    set(next: Locale) {
      locale = next;
      localStorage.setItem(storageKey, next);
      document.documentElement.lang = next;
    },
    /** The string for a key, with {name} placeholders filled. */
    t(key: K, values: Record<string, string | number> = {}): string {
      return catalog[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
    },
  };
}
