/**
 * What visitors type (or a kiosk's name picker gives) is cleaned before it is kept or shown:
 * invisible and direction-changing characters are removed (they can disguise a name on a
 * public screen), spaces folded, and the text compared by characters, not UTF-16 units.
 */
// Control characters are what this removes.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

export function cleanName(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

export const characterCount = (text: string) => [...text].length;

/**
 * A mainland mobile number as people write it: full-width digits, spaces, dashes, +86 or 0086
 * in front. Returns the 11 digits, or null when it is not a mainland mobile number.
 */
export function normaliseMobile(text: string): string | null {
  const ascii = text.normalize('NFKC').replace(/[\s\-()]/g, '');
  const digits = ascii.replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}
