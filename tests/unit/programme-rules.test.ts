import { describe, expect, test } from 'vitest';
import {
  countdownTarget,
  countdownText,
  expectedStart,
  minuteOfDay,
  minutesOf,
  minutesOffPlan,
  nowAndNext,
  plannedAt,
  programmeDay,
  type ProgrammeItem,
  type ProgrammeSaveRequest,
} from '../../shared/programme.ts';
import { advanceTarget, checkItem, checkRemovable } from '../../server/programme/programme-rules.ts';
import { demoProgramme } from '../../server/demo/demo-programme.ts';
import { HubError } from '../../server/hub-error.ts';

/** 07:00 on 14 June 2026, Beijing time (23:00 UTC the day before). */
const SEVEN_AM = Date.UTC(2026, 5, 13, 23, 0);
const DAY = '2026-06-14';
const ITEMS: ProgrammeItem[] = demoProgramme(DAY);

const item = (over: Partial<ProgrammeSaveRequest> = {}): ProgrammeSaveRequest => ({
  title: '消防演练',
  start: '12:00',
  lengthMin: 15,
  scene: { kind: 'blank' },
  ...over,
});

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof HubError) return `${error.code} ${error.detail ?? ''}`;
    throw error;
  }
  throw new Error('not refused');
}

describe('time on the event day (Beijing, UTC+8)', () => {
  test('the day and the minute of the day follow Beijing time, not UTC', () => {
    expect(programmeDay(SEVEN_AM)).toBe(DAY);
    expect(minuteOfDay(SEVEN_AM)).toBe(7 * 60);
    expect(plannedAt(DAY, '09:35')).toBe(Date.parse('2026-06-14T09:35:00+08:00'));
  });

  test('HH:MM is read strictly', () => {
    expect(minutesOf('9:05')).toBe(545);
    expect(minutesOf('23:59')).toBe(1439);
    for (const bad of ['24:00', '12:60', '12', 'noon', '12:5', '-1:00']) expect(minutesOf(bad)).toBeNull();
  });
});

describe('checking an item the admin saves', () => {
  test('a good item comes back cleaned and with its start as HH:MM', () => {
    const saved = checkItem(
      item({ title: '  消防\u200b演练  ', start: '9:00', groupIds: ['lobby', 'lobby'] }),
      'pi-new',
      ITEMS.slice(0, 1).map((entry) => ({ ...entry, start: '08:00' })),
      SEVEN_AM,
    );
    expect(saved).toMatchObject({ id: 'pi-new', title: '消防演练', start: '09:00', groupIds: ['lobby'], titleEn: '', notes: '' });
  });

  test.each([
    ['an empty title', item({ title: '   ' }), 'PROGRAMME_TEXT title'],
    ['a title too long', item({ title: '长'.repeat(41) }), 'PROGRAMME_TEXT title: 41 characters'],
    ['an English title too long', item({ titleEn: 'x'.repeat(81) }), 'PROGRAMME_TEXT titleEn'],
    ['notes too long', item({ notes: '注'.repeat(301) }), 'PROGRAMME_TEXT notes'],
    ['a time that is not a time', item({ start: '25:00' }), 'PROGRAMME_TIME_INVALID start'],
    ['a time running past midnight', item({ start: '23:50', lengthMin: 20 }), 'PROGRAMME_TIME_INVALID start'],
    ['a length of zero', item({ lengthMin: 0 }), 'PROGRAMME_LENGTH lengthMin'],
    ['a negative length', item({ lengthMin: -5 }), 'PROGRAMME_LENGTH lengthMin'],
    ['a length over four hours', item({ lengthMin: 241 }), 'PROGRAMME_LENGTH lengthMin'],
    ['a start in the past', item({ start: '06:59' }), 'PROGRAMME_TIME_PAST start'],
    ['a countdown to no time', item({ scene: { kind: 'countdown', title: '倒计时', to: '2026-02-30T25:00:00+08:00' } }), 'PROGRAMME_BAD_COUNTDOWN'],
  ])('%s is refused', (_name, input, expected) => {
    expect(refusal(() => checkItem(input, 'pi-new', [], SEVEN_AM))).toContain(expected);
  });

  test('overlaps with another item are refused and name it; touching ends are fine', () => {
    expect(refusal(() => checkItem(item({ start: '09:40', lengthMin: 10 }), 'pi-new', ITEMS, SEVEN_AM))).toMatch(
      /PROGRAMME_OVERLAP start: overlaps "领导致辞" 09:35–09:45/,
    );
    // Starts inside nothing but covers an item whole.
    expect(refusal(() => checkItem(item({ start: '08:50', lengthMin: 60 }), 'pi-new', ITEMS, SEVEN_AM))).toContain('PROGRAMME_OVERLAP');
    expect(checkItem(item({ start: '08:45', lengthMin: 15 }), 'pi-new', ITEMS, SEVEN_AM).start).toBe('08:45');
    expect(checkItem(item({ start: '13:00', lengthMin: 30 }), 'pi-new', ITEMS, SEVEN_AM).start).toBe('13:00');
  });

  test('an item does not overlap itself when edited', () => {
    const speech = ITEMS.find((entry) => entry.id === 'pi-speech')!;
    expect(checkItem(item({ title: '领导讲话', start: '09:35', lengthMin: 10 }), speech.id, ITEMS, SEVEN_AM).title).toBe('领导讲话');
  });

  test('"not in the past" holds for new items and moved starts, not for fixing a title of a past item', () => {
    const afternoon = Date.parse('2026-06-14T15:00:00+08:00');
    const speech = ITEMS.find((entry) => entry.id === 'pi-speech')!;
    expect(checkItem(item({ title: '领导讲话', start: '09:35', lengthMin: 10 }), speech.id, ITEMS, afternoon).title).toBe('领导讲话');
    expect(refusal(() => checkItem(item({ start: '09:36', lengthMin: 9 }), speech.id, ITEMS, afternoon))).toContain('PROGRAMME_TIME_PAST');
    // The current minute itself is not the past.
    expect(checkItem(item({ start: '15:00' }), 'pi-new', ITEMS, afternoon + 30_000).start).toBe('15:00');
  });
});

describe('now, next and the MC’s button', () => {
  const state = (currentId: string | null, revision = 4) => ({ revision, currentId, items: ITEMS });

  test('before the show everything is next; then the pointer decides, in start order', () => {
    expect(nowAndNext(ITEMS, null)).toMatchObject({ current: null, following: { length: 8 } });
    const shuffled = [...ITEMS].reverse();
    const { current, following } = nowAndNext(shuffled, 'pi-countdown');
    expect(current?.id).toBe('pi-countdown');
    expect(following.map((entry) => entry.id)).toEqual(['pi-speech', 'pi-drama', 'pi-quiz', 'pi-awards', 'pi-draw', 'pi-experience']);
  });

  test('next, back and a named item', () => {
    expect(advanceTarget(state(null), { revision: 4 }).id).toBe('pi-checkin');
    expect(advanceTarget(state('pi-checkin'), { revision: 4, to: 'next' }).id).toBe('pi-countdown');
    expect(advanceTarget(state('pi-countdown'), { revision: 4, to: 'back' }).id).toBe('pi-checkin');
    expect(advanceTarget(state('pi-checkin'), { revision: 4, to: 'pi-awards' }).id).toBe('pi-awards');
  });

  test('past the last item, before the first, an unknown item and an old revision are refused', () => {
    expect(refusal(() => advanceTarget(state('pi-experience'), { revision: 4, to: 'next' }))).toContain('PROGRAMME_END');
    expect(refusal(() => advanceTarget(state('pi-checkin'), { revision: 4, to: 'back' }))).toContain('PROGRAMME_END');
    expect(refusal(() => advanceTarget(state(null), { revision: 4, to: 'back' }))).toContain('PROGRAMME_END');
    expect(refusal(() => advanceTarget(state(null), { revision: 4, to: 'pi-nothing' }))).toContain('PROGRAMME_UNKNOWN_ITEM');
    expect(refusal(() => advanceTarget(state('pi-checkin'), { revision: 3, to: 'next' }))).toContain('PROGRAMME_STALE');
    expect(refusal(() => advanceTarget({ revision: 0, currentId: null, items: [] }, { revision: 0 }))).toContain('PROGRAMME_END');
  });

  test('the item on now cannot be removed; an unknown one is named', () => {
    expect(refusal(() => checkRemovable('pi-speech', 'pi-speech', ITEMS))).toContain('PROGRAMME_ON_AIR');
    expect(refusal(() => checkRemovable('pi-gone', 'pi-speech', ITEMS))).toContain('PROGRAMME_UNKNOWN_ITEM');
    expect(() => checkRemovable('pi-draw', 'pi-speech', ITEMS)).not.toThrow();
  });
});

describe('late and early against the plan', () => {
  test('minutes off the plan: positive late, negative early', () => {
    expect(minutesOffPlan('09:35', Date.parse('2026-06-14T09:42:10+08:00'))).toBe(7);
    expect(minutesOffPlan('09:35', Date.parse('2026-06-14T09:31:00+08:00'))).toBe(-4);
    expect(minutesOffPlan('09:35', Date.parse('2026-06-14T09:35:20+08:00'))).toBe(0);
  });

  test('the next item is expected when the current one has run its length, never before its plan', () => {
    const speech = ITEMS.find((entry) => entry.id === 'pi-speech')!;
    const drama = ITEMS.find((entry) => entry.id === 'pi-drama')!;
    const startedLate = Date.parse('2026-06-14T09:41:00+08:00');
    expect(expectedStart(drama, speech, startedLate, startedLate + 60_000)).toBe(Date.parse('2026-06-14T09:51:00+08:00'));
    const startedEarly = Date.parse('2026-06-14T09:30:00+08:00');
    expect(expectedStart(drama, speech, startedEarly, startedEarly)).toBe(Date.parse('2026-06-14T09:45:00+08:00'));
    // The current item overran: the next one is expected now at the earliest.
    const overrun = Date.parse('2026-06-14T10:05:00+08:00');
    expect(expectedStart(drama, speech, startedLate, overrun)).toBe(overrun);
  });
});

describe('the countdown', () => {
  test('reads epoch milliseconds and ISO times with their offset', () => {
    expect(countdownTarget(1_781_400_900_000)).toBe(1_781_400_900_000);
    expect(countdownTarget('2026-06-14T09:35:00+08:00')).toBe(Date.UTC(2026, 5, 14, 1, 35));
    expect(countdownTarget('not a time')).toBeNull();
  });

  test('shows hh:mm:ss, rounding up, never below zero', () => {
    expect(countdownText(3_723_000)).toBe('01:02:03');
    expect(countdownText(59_001)).toBe('00:01:00');
    expect(countdownText(0)).toBe('00:00:00');
    expect(countdownText(-5_000)).toBe('00:00:00');
  });
});

test('the demo running order keeps the rules: in the day, 1–240 minutes, no overlaps', () => {
  const dawn = Date.parse('2026-06-14T00:00:00+08:00');
  for (const entry of ITEMS) {
    const others = ITEMS.filter((other) => other.id !== entry.id);
    expect(checkItem({ ...entry }, entry.id, others, dawn)).toEqual(entry);
  }
});
