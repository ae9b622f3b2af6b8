import type { Locale } from '../errors.ts';
import type { Catalog } from './catalog.ts';

/** The chosen language, remembered on the device, and the lookup of an app's catalog. */
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
    /** The other language (the one button kiosks and the console have). */
    toggle() {
      this.set(locale === 'en' ? 'zh-CN' : 'en');
    },
    /** Of two texts that data carries in both languages, the one to show. */
    pick<T>(zh: T, en: T): T {
      return locale === 'en' ? en : zh;
    },
    /** A venue's, group's or list's name in the chosen language. */
    nameOf(item: { name: string; nameEn: string }): string {
      return locale === 'en' ? item.nameEn : item.name;
    },
    /** Whether the catalog has this key: for keys made from data (an action, a refusal reason). */
    has(key: string): key is K {
      return Object.prototype.hasOwnProperty.call(catalog[locale], key);
    },
    /** The string for a key, with {name} placeholders filled. */
    t(key: K, values: Record<string, string | number> = {}): string {
      return catalog[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
    },
  };
}
