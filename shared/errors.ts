import { authErrors } from './errors/auth.ts';
import { awardsErrors } from './errors/awards.ts';
import { checkinErrors } from './errors/checkin.ts';
import { commonErrors } from './errors/common.ts';
import { devicesErrors } from './errors/devices.ts';
import { drawErrors } from './errors/draw.ts';
import { emergencyErrors } from './errors/emergency.ts';
import { eventErrors } from './errors/event.ts';
import { liaisonErrors } from './errors/liaison.ts';
import { liveErrors } from './errors/live.ts';
import { mediaErrors } from './errors/media.ts';
import { programmeErrors } from './errors/programme.ts';
import { quizErrors } from './errors/quiz.ts';
import { stageErrors } from './errors/stage.ts';
import { venuesErrors } from './errors/venues.ts';
import { visitorsErrors } from './errors/visitors.ts';

/**
 * Error codes the hub answers with, and the sentence a person reads for each (zh-CN first),
 * gathered from each domain's catalog in shared/errors/ (a new code goes in its domain's file).
 */
export const ERROR_MESSAGES = {
  ...commonErrors,
  ...authErrors,
  ...stageErrors,
  ...venuesErrors,
  ...mediaErrors,
  ...devicesErrors,
  ...visitorsErrors,
  ...checkinErrors,
  ...quizErrors,
  ...liveErrors,
  ...programmeErrors,
  ...emergencyErrors,
  ...drawErrors,
  ...awardsErrors,
  ...eventErrors,
  ...liaisonErrors,
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export function errorMessage(code: ErrorCode, locale: Locale = 'zh-CN'): string {
  return ERROR_MESSAGES[code][locale];
}

/** The HTTP status of a REST refusal with this code. */
export function errorStatus(code: ErrorCode): number {
  const entry: { status?: number; en: string } = ERROR_MESSAGES[code];
  return entry.status ?? 400;
}
