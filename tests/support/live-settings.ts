import type { LiveSettings } from '../../shared/live.ts';

/**
 * A live quiz session's settings for tests: three questions of the built-in bank, 20 s each,
 * 1000 points, no teams, every venue, a plain PIN. A test names only what it needs to differ.
 */
export const liveSettings = (differs: Partial<LiveSettings> = {}): LiveSettings => ({
  name: '现场竞答',
  questionIds: ['fire-001', 'signs-001', 'firstaid-001'],
  timeLimitSec: 20,
  points: 1000,
  teamMode: 'none',
  venueIds: [],
  rotatingJoin: false,
  ...differs,
});
