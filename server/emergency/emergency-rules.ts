import {
  CUSTOM_TEXT_MAX,
  CUSTOM_TITLE,
  EMERGENCY_PRESETS,
  type DeviceEmergencyState,
  type EmergencyPresetId,
  type EmergencyTone,
  type LocalText,
} from '../../shared/emergency.ts';
import { HubError } from '../hub-error.ts';

/** Pure rules of the emergency override: which venues a request means, what a notice says, where a device stands. */

/** 'all' is every venue the hub has; a list must name only known venues (each once). */
export function pickVenues(choice: string[] | 'all', knownVenueIds: readonly string[]): string[] {
  if (choice === 'all') return [...knownVenueIds];
  const unknown = choice.find((venueId) => !knownVenueIds.includes(venueId));
  if (unknown !== undefined) throw new HubError('UNKNOWN_VENUE', `no venue "${unknown}"`);
  return [...new Set(choice)];
}

export interface NoticeContent {
  preset: EmergencyPresetId | null;
  tone: EmergencyTone;
  title: LocalText;
  body: LocalText;
}

/** A preset, or the staff's own words (trimmed, 1–200 characters); never both, never neither. */
export function noticeFrom(request: { preset?: EmergencyPresetId; text?: string }): NoticeContent {
  if (request.preset !== undefined && request.text !== undefined) throw new HubError('BAD_PAYLOAD', 'a preset or a custom text, not both');
  if (request.preset !== undefined) return { preset: request.preset, ...EMERGENCY_PRESETS[request.preset] };
  const text = (request.text ?? '').trim();
  if (text.length === 0 || [...text].length > CUSTOM_TEXT_MAX) {
    throw new HubError('EMERGENCY_TEXT_INVALID', `${[...text].length} characters`);
  }
  return { preset: null, tone: 'alarm', title: CUSTOM_TITLE, body: { 'zh-CN': text, en: text } };
}

/** Where a device stands with its venue's notice: acknowledged, connected but not yet, or not connected. */
export function deviceEmergencyState(online: boolean, acknowledgedId: string | undefined, emergencyId: string): DeviceEmergencyState {
  if (acknowledgedId === emergencyId) return online ? 'shown' : 'offline';
  return online ? 'pending' : 'offline';
}
