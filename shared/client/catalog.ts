import type { Locale } from '../errors.ts';

/** A message catalog per app: zh-CN is the reference, English must have every key. */
export type Catalog<K extends string> = Record<Locale, Record<K, string>>;
