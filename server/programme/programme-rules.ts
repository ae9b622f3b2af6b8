import {
  PROGRAMME_LIMITS,
  countdownTarget,
  formatMinutes,
  inRunningOrder,
  minuteOfDay,
  minutesOf,
  type ProgrammeAdvanceRequest,
  type ProgrammeItem,
  type ProgrammeSaveRequest,
} from '../../shared/programme.ts';
import { characterCount, cleanName } from '../../shared/visitor-text.ts';
import { HubError } from '../hub-error.ts';

/**
 * The running order's rules, as plain functions over plain data. Errors name the field first
 * ("start: …") so the console can put each refusal next to the field it is about.
 */

function text(field: string, value: string | undefined, max: number, required: boolean, clean: (value: string) => string = cleanName): string {
  const cleaned = clean(value ?? '');
  if (required && cleaned.length === 0) throw new HubError('PROGRAMME_TEXT', `${field}: empty`);
  const count = characterCount(cleaned);
  if (count > max) throw new HubError('PROGRAMME_TEXT', `${field}: ${count} characters, ${max} at most`);
  return cleaned;
}

/**
 * Checks an item the admin saves against the others of the day, and returns it cleaned.
 * "Not in the past" holds for a new item and for a start that changes: fixing the title of an
 * item that has already run stays possible.
 */
export function checkItem(input: ProgrammeSaveRequest, id: string, items: readonly ProgrammeItem[], now: number): ProgrammeItem {
  const existing = items.find((item) => item.id === id);
  const title = text('title', input.title, PROGRAMME_LIMITS.titleMax, true);
  const titleEn = text('titleEn', input.titleEn, PROGRAMME_LIMITS.titleEnMax, false);
  const performers = text('performers', input.performers, PROGRAMME_LIMITS.performersMax, false);
  const notes = text('notes', input.notes, PROGRAMME_LIMITS.notesMax, false, (value) => value.trim());

  const startMinutes = minutesOf(input.start);
  if (startMinutes === null) throw new HubError('PROGRAMME_TIME_INVALID', `start: "${input.start.slice(0, 8)}" is not a time HH:MM of the day`);
  const lengthMin = input.lengthMin;
  if (lengthMin < PROGRAMME_LIMITS.minLength || lengthMin > PROGRAMME_LIMITS.maxLength) {
    throw new HubError('PROGRAMME_LENGTH', `lengthMin: ${lengthMin} minutes, from ${PROGRAMME_LIMITS.minLength} to ${PROGRAMME_LIMITS.maxLength}`);
  }
  if (startMinutes + lengthMin > 24 * 60)
    throw new HubError('PROGRAMME_TIME_INVALID', `start: ${formatMinutes(startMinutes)} + ${lengthMin} min runs past midnight`);
  const start = formatMinutes(startMinutes);
  if ((!existing || existing.start !== start) && startMinutes < minuteOfDay(now)) {
    throw new HubError('PROGRAMME_TIME_PAST', `start: ${start} has passed (it is ${formatMinutes(minuteOfDay(now))})`);
  }
  const clash = overlapping({ id, start, lengthMin }, items);
  if (clash) {
    const clashStart = minutesOf(clash.start)!;
    throw new HubError('PROGRAMME_OVERLAP', `start: overlaps "${clash.title}" ${clash.start}–${formatMinutes(clashStart + clash.lengthMin)}`);
  }
  if (input.scene.kind === 'countdown' && countdownTarget(input.scene.to) === null) {
    throw new HubError('PROGRAMME_BAD_COUNTDOWN', `scene: "${String(input.scene.to).slice(0, 40)}" is not a time`);
  }
  return {
    id,
    title,
    titleEn,
    performers,
    start,
    lengthMin,
    scene: input.scene,
    groupIds: [...new Set(input.groupIds ?? [])],
    notes,
  };
}

/** The first other item whose time [start, start + length) meets this one's, if any. */
function overlapping(item: { id: string; start: string; lengthMin: number }, items: readonly ProgrammeItem[]): ProgrammeItem | undefined {
  const from = minutesOf(item.start)!;
  const to = from + item.lengthMin;
  return inRunningOrder(items).find((other) => {
    if (other.id === item.id) return false;
    const otherFrom = minutesOf(other.start)!;
    return otherFrom < to && from < otherFrom + other.lengthMin;
  });
}

/**
 * Where the MC's button leads: the next item, the one before, or a named one. The revision is
 * the state the MC's console showed; anything else (a double press) is refused.
 */
export function advanceTarget(
  state: { revision: number; currentId: string | null; items: readonly ProgrammeItem[] },
  request: ProgrammeAdvanceRequest,
): ProgrammeItem {
  if (request.revision !== state.revision) {
    throw new HubError('PROGRAMME_STALE', `the running order is at revision ${state.revision}, not ${request.revision}`);
  }
  const ordered = inRunningOrder(state.items);
  const to = request.to ?? 'next';
  if (to !== 'next' && to !== 'back') {
    const named = ordered.find((item) => item.id === to);
    if (!named) throw new HubError('PROGRAMME_UNKNOWN_ITEM', `no item "${to}"`);
    return named;
  }
  const index = state.currentId === null ? -1 : ordered.findIndex((item) => item.id === state.currentId);
  const target = to === 'next' ? ordered[index + 1] : index > 0 ? ordered[index - 1] : undefined;
  if (!target) throw new HubError('PROGRAMME_END', to === 'next' ? 'the last item is on already' : 'there is no item before this one');
  return target;
}

/** The item on now is never removed under the MC's feet. */
export function checkRemovable(id: string, currentId: string | null, items: readonly ProgrammeItem[]): void {
  if (!items.some((item) => item.id === id)) throw new HubError('PROGRAMME_UNKNOWN_ITEM', `no item "${id}"`);
  if (id === currentId) throw new HubError('PROGRAMME_ON_AIR', `"${id}" is on now`);
}
