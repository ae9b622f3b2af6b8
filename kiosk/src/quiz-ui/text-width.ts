/** Text width in Latin letters, a Chinese character counting as two: for picking type sizes and layouts. */
export const textWidth = (text: string): number => [...text].reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
