import type { Locale } from '../errors.ts';

/** A message catalog per app: zh-CN is the reference, English must have every key. */
export type Catalog<K extends string> = Record<Locale, Record<K, string>>;

/** One part of an app's catalog: the type checker holds the English to the same keys as the Chinese. */
export const catalogPart = <K extends string>(zh: Record<K, string>, en: NoInfer<Record<K, string>>): Catalog<K> => ({ 'zh-CN': zh, en });

type KeysOf<P> = P extends Catalog<infer K> ? K : never;
/** An app's whole catalog from its parts (a key in two parts would be a mistake: the later one wins). */
export function mergeCatalogs<P extends Catalog<string>[]>(...parts: P): Catalog<KeysOf<P[number]>> {
  return {
    'zh-CN': Object.assign({}, ...parts.map((part) => part['zh-CN'])),
    en: Object.assign({}, ...parts.map((part) => part.en)),
  };
}
