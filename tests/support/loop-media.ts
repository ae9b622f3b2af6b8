import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { MediaFile, Playlist } from '../../shared/media.ts';
import { cycleDistance, cyclePosition } from '../../display/src/scenes/loop/loop-schedule.ts';
import type { Session } from './staff.ts';

const DEMO_MEDIA = path.resolve(import.meta.dirname, '../../server/demo/media');

/** Uploads one of the demo's files through POST /api/media, as the console does. */
export async function uploadDemoFile(base: string, session: Session, file: string, query: Record<string, string> = {}): Promise<MediaFile> {
  const response = await fetch(`${base}/api/media?${new URLSearchParams({ name: file, ...query })}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: fs.readFileSync(path.join(DEMO_MEDIA, file)),
  });
  if (!response.ok) throw new Error(`upload ${file}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { file: MediaFile }).file;
}

export async function savePlaylist(base: string, session: Session, id: string, name: string, mediaIds: string[]): Promise<Playlist> {
  const response = await fetch(`${base}/api/playlists/${id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify({ name, nameEn: name, mediaIds }),
  });
  if (!response.ok) throw new Error(`playlist ${id}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Playlist;
}

/** Where a screen's loop stands: the front item, how far into its run (ms), and this machine's clock then. */
interface LoopReading {
  at: number;
  index: number;
  /** What the screen shows: a video's last presented frame. */
  intoMs: number;
  /** Where the player's clock stands: a video's currentTime (the position the loop keeps in step). */
  clockMs: number;
  kind: 'video' | 'image' | 'none';
}

/**
 * Reads a playing loop: a picture by when it came to the front, a video by the frame it shows
 * (requestVideoFrameCallback: the last frame composited, carried forward by at most one frame's
 * time). Not currentTime: during a seek it already says where the seek goes while the screen
 * still shows the old frame, and a stalled video's frozen frame is what people see.
 */
const readLoop = (page: Page): Promise<LoopReading> =>
  page.evaluate(() => {
    type Tracked = HTMLVideoElement & { presented?: { mediaS: number; at: number } | null; tracked?: boolean; onFrame?: VideoFrameRequestCallback };
    // Every video of the loop is watched from when it loads on the back layer.
    for (const video of document.querySelectorAll<Tracked>('.loop video')) {
      if (video.tracked) continue;
      video.tracked = true;
      video.onFrame = (_now, frame) => {
        video.presented = { mediaS: frame.mediaTime, at: performance.timeOrigin + frame.expectedDisplayTime };
        video.requestVideoFrameCallback(video.onFrame!);
      };
      video.requestVideoFrameCallback(video.onFrame);
      video.addEventListener('emptied', () => (video.presented = null));
    }
    const loop = document.querySelector('.loop');
    const at = Date.now();
    const index = Number(loop?.getAttribute('data-front-index') ?? -1);
    const media = document.querySelector('.layer.front img, .layer.front video');
    if (media instanceof HTMLVideoElement) {
      const presented = (media as Tracked).presented;
      const intoMs = presented ? presented.mediaS * 1000 + Math.min(Math.max(0, at - presented.at), 34) : media.currentTime * 1000;
      return { at, index, intoMs, clockMs: media.currentTime * 1000, kind: 'video' as const };
    }
    const shownAt = Number(loop?.getAttribute('data-front-shown') ?? 0);
    const offset = Number(loop?.getAttribute('data-front-offset') ?? 0);
    const intoMs = offset + (at - shownAt);
    return { at, index, intoMs, clockMs: intoMs, kind: media ? ('image' as const) : ('none' as const) };
  });

/**
 * The drift between screens at one moment: every reading is carried to the first one's time (a
 * loop moves 1 ms per ms) and compared on the cycle. All pages run on this one machine, so their
 * Date.now() agree: the figure includes each screen's own error in measuring the hub's clock.
 */
function driftOf(durations: number[], readings: LoopReading[], by: 'intoMs' | 'clockMs' = 'intoMs'): number {
  const [first, ...others] = readings;
  if (!first) return 0;
  const position = (reading: LoopReading) => cyclePosition(durations, reading.index, reading[by]) + (first.at - reading.at);
  return Math.max(0, ...others.map((reading) => cycleDistance(durations, position(first), position(reading))));
}

/** One switch a screen made: the run it began (scheduled start, hub clock) and when it came to the front (machine clock). */
interface SwitchSeen {
  startAt: number;
  shownAt: number;
  offsetMs: number;
}

/**
 * Records every switch of the page's loop from now on (read with takeSwitches), and counts runs
 * put up a second time (read with reshownRuns): a loop that restarts shows its current run again.
 * Once per page: later measurements go on with the same records.
 */
const recordSwitches = (page: Page) =>
  page.evaluate(() => {
    const loop = document.querySelector('.loop')!;
    const seen: { startAt: number; shownAt: number; offsetMs: number }[] = [];
    const record = window as unknown as { __switches?: typeof seen; __reshown: number };
    if (record.__switches) return; // recording already, since an earlier measurement
    record.__switches = seen;
    record.__reshown = 0;
    let last = { startAt: Number(loop.getAttribute('data-front-start')), shownAt: Number(loop.getAttribute('data-front-shown')) };
    new MutationObserver(() => {
      const startAt = Number(loop.getAttribute('data-front-start'));
      const shownAt = Number(loop.getAttribute('data-front-shown'));
      if (startAt === last.startAt && shownAt !== last.shownAt) record.__reshown++;
      if (startAt !== last.startAt) seen.push({ startAt, shownAt, offsetMs: Number(loop.getAttribute('data-front-offset')) });
      last = { startAt, shownAt };
    }).observe(loop, { attributes: true, attributeFilter: ['data-front-start', 'data-front-shown'] });
  });

/** How many runs the page's loop put up twice since its first measurement began (0 unless it restarted). */
export const reshownRuns = (page: Page) => page.evaluate(() => (window as unknown as { __reshown: number }).__reshown);

const takeSwitches = (page: Page) => page.evaluate(() => (window as unknown as { __switches: SwitchSeen[] }).__switches);

export interface DriftFigures {
  screens: number;
  seconds: number;
  /** Item switches seen on every screen, and how far apart the screens made them (ms). */
  switches: number;
  switch_max_ms: number;
  switch_avg_ms: number;
  /** Videos playing on every screen at once: the spread of the frames they show (ms). */
  video_samples: number;
  video_max_ms: number;
  video_avg_ms: number;
  /** …and of their players' positions (currentTime: what the loop keeps in step; a busy screen shows its frames later). */
  video_clock_max_ms: number;
  video_clock_avg_ms: number;
  /** How late a screen put an item up after its scheduled start (ms; setTimeout, decode, paint). */
  late_max_ms: number;
  max_ms: number;
  avg_ms: number;
  /** The middle of all the spreads above: where the screens stand most of the time. */
  p50_ms: number;
}

const round = (ms: number) => Math.round(ms * 10) / 10;
const average = (values: number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : 0;
};

/**
 * Measures how far apart screens of one group play the same loop, for `seconds`: (1) every item
 * switch seen on all of them, compared by when each made it; (2) every few hundred ms while all
 * show a video, the spread of their playing positions. All pages share this machine's clock.
 */
export async function measureLoopDrift(pages: Page[], durations: number[], seconds: number, sampleEveryMs = 400): Promise<DriftFigures> {
  for (const page of pages) await recordSwitches(page);
  // A page that has just opened is still fetching and decoding its first items: the figures start
  // once every screen has made one switch on its own.
  for (const page of pages) await page.waitForFunction(() => (window as unknown as { __switches: unknown[] }).__switches.length > 0, null, { timeout: 60_000 });
  for (const page of pages) await page.evaluate(() => (window as unknown as { __switches: unknown[] }).__switches.splice(0));
  const videoSpreads: number[] = [];
  const clockSpreads: number[] = [];
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    const readings = await Promise.all(pages.map(readLoop));
    if (readings.every((reading) => reading.kind === 'video' && reading.index === readings[0]!.index)) {
      videoSpreads.push(driftOf(durations, readings));
      clockSpreads.push(driftOf(durations, readings, 'clockMs'));
    }
    await new Promise((resolve) => setTimeout(resolve, sampleEveryMs));
  }
  const logs = await Promise.all(pages.map(takeSwitches));
  // The same run on every screen; a run a screen joined in the middle of is no switch.
  const onTime = logs.map((log) => new Map(log.filter((seen) => seen.offsetMs < 1000).map((seen) => [seen.startAt, seen])));
  const common = [...onTime[0]!.keys()].filter((startAt) => onTime.every((log) => log.has(startAt)));
  const switchSpreads = common.map((startAt) => {
    const times = onTime.map((log) => log.get(startAt)!.shownAt);
    return Math.max(...times) - Math.min(...times);
  });
  const late = onTime.flatMap((log) => [...log.values()].map((seen) => seen.offsetMs));
  const all = [...switchSpreads, ...videoSpreads];
  return {
    screens: pages.length,
    seconds,
    switches: switchSpreads.length,
    switch_max_ms: round(Math.max(0, ...switchSpreads)),
    switch_avg_ms: round(average(switchSpreads)),
    video_samples: videoSpreads.length,
    video_max_ms: round(Math.max(0, ...videoSpreads)),
    video_avg_ms: round(average(videoSpreads)),
    video_clock_max_ms: round(Math.max(0, ...clockSpreads)),
    video_clock_avg_ms: round(average(clockSpreads)),
    late_max_ms: round(Math.max(0, ...late)),
    max_ms: round(Math.max(0, ...all)),
    avg_ms: round(average(all)),
    p50_ms: round(median(all)),
  };
}

/** What a loop showed, frame by frame: see watchLoopFrames. */
export interface LoopWatch {
  frames: number;
  /** Frames before the loop first put something in front (a page still starting: its background shows). */
  starting: number;
  /** Frames whose front layer had no picture to show; `blanks` says why, for the first 20. */
  blank: number;
  blanks: string[];
  /** Frames where a video held its last picture while seeking (a frozen picture, not a black one). */
  frozen: number;
  /** The front items in the order they came up. */
  items: string[];
  /** The furthest a front video played (s). */
  videoPlayedTo: number;
}

/**
 * Marks every video of the page that has had a frame of its current file (from its first
 * 'loadeddata' until 'emptied'): an init script, so it sees a screen's videos from the start.
 */
export function noteVideoFrames(): void {
  type Watched = HTMLVideoElement & { hadFrameOf?: string };
  document.addEventListener(
    'loadeddata',
    (event) => event.target instanceof HTMLVideoElement && ((event.target as Watched).hadFrameOf = event.target.currentSrc),
    true,
  );
  document.addEventListener('emptied', (event) => event.target instanceof HTMLVideoElement && delete (event.target as Watched).hadFrameOf, true);
}

/**
 * Watches every animation frame of a screen's loop for `ms`. A frame has a picture when its front
 * layer holds a decoded image, or a video with a frame of its current file (noteVideoFrames, which
 * screens opened by the tests run): one that is seeking keeps its last frame on screen (Chromium
 * holds it until the new one is decoded), which counts as frozen, not blank.
 */
export const watchLoopFrames = (page: Page, ms: number): Promise<LoopWatch> =>
  page.evaluate(
    (duration) =>
      new Promise<LoopWatch>((resolve) => {
        type Watched = HTMLVideoElement & { hadFrameOf?: string };
        const seen: LoopWatch = { frames: 0, starting: 0, blank: 0, blanks: [], frozen: 0, items: [], videoPlayedTo: 0 };
        const until = performance.now() + duration;
        const frame = () => {
          const id = document.querySelector('.loop')?.getAttribute('data-front-item') ?? '';
          const media = document.querySelector('.layer.front img, .layer.front video');
          seen.frames += 1;
          let showing = false;
          let state = 'no media';
          if (media instanceof HTMLImageElement) {
            showing = media.complete && media.naturalWidth > 0;
            state = `img complete ${media.complete} width ${media.naturalWidth}`;
          } else if (media instanceof HTMLVideoElement) {
            const video = media as Watched;
            const holdsFrame = video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA || video.hadFrameOf === video.currentSrc;
            showing = holdsFrame;
            if (holdsFrame && video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) seen.frozen += 1;
            seen.videoPlayedTo = Math.max(seen.videoPlayedTo, video.currentTime);
            state = `video readyState ${video.readyState} network ${video.networkState} seeking ${video.seeking} at ${video.currentTime.toFixed(2)} error ${video.error?.code ?? '-'}`;
          }
          if (!media && seen.items.every((item) => item === '')) seen.starting += 1;
          else if (!showing) {
            seen.blank += 1;
            if (seen.blanks.length < 20) seen.blanks.push(`${id}: ${state} (frame ${seen.frames})`);
          }
          if (seen.items.at(-1) !== id) seen.items.push(id);
          if (performance.now() < until) requestAnimationFrame(frame);
          else resolve(seen);
        };
        requestAnimationFrame(frame);
      }),
    ms,
  );
