import { SHORT_CODE_ALPHABET } from '../../../shared/pass-format.ts';

/** A telephone's layout: 1–9, then clear, 0, back. */
export const DIGIT_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;
/** Every character a short code can hold (no I, L, O, U to mistake), then clear and back. */
export const SHORT_CODE_KEYS = [...SHORT_CODE_ALPHABET, 'clear', 'back'];
