/**
 * Personal data as screens and other visitors see it: a mobile number keeps its first three
 * and last four digits (138****1234), a name its first character (张*, 欧阳** → 欧**).
 */
export function maskMobile(mobile: string): string {
  // +86 in front of a mainland mobile number is not part of what is shown.
  const digits = mobile.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

export function maskName(name: string): string {
  const characters = [...name.trim()];
  if (characters.length === 0) return '';
  return `${characters[0]}${'*'.repeat(Math.max(1, characters.length - 1))}`;
}
