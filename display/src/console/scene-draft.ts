import type { Scene, SceneKind } from '../../../shared/scenes.ts';

/** The console's form: one field set for every kind, so switching kind keeps what was typed. */
export interface SceneDraft {
  kind: SceneKind;
  title: string;
  body: string;
  tone: 'info' | 'celebrate' | 'notice';
  url: string;
  playlistId: string;
  /** A leaderboard's venue; empty for the overall board. */
  venueId: string;
  /** A live quiz session shown by a `quiz` scene. */
  sessionId: string;
  /** A countdown's target, Beijing time as a datetime-local field holds it (YYYY-MM-DDTHH:MM). */
  countdownTo: string;
  /** What a countdown shows at zero. */
  endText: string;
  /** The prize draw a `draw` scene shows. */
  drawId: string;
}

export function emptyDraft(playlistId = ''): SceneDraft {
  return { kind: 'message', title: '', body: '', tone: 'info', url: '', playlistId, venueId: '', sessionId: '', countdownTo: '', endText: '', drawId: '' };
}

export function sceneToDraft(scene: Scene, base: SceneDraft): SceneDraft {
  switch (scene.kind) {
    case 'message':
      return { ...base, kind: 'message', title: scene.title, body: scene.body, tone: scene.tone };
    case 'join':
      return { ...base, kind: 'join', title: scene.title, url: scene.url ?? '' };
    case 'loop':
      return { ...base, kind: 'loop', playlistId: scene.playlistId };
    case 'leaderboard':
      return { ...base, kind: 'leaderboard', venueId: scene.venueId ?? '' };
    case 'quiz':
      return { ...base, kind: 'quiz', sessionId: scene.sessionId };
    case 'countdown':
      return { ...base, kind: 'countdown', title: scene.title, countdownTo: beijingLocal(scene.to), endText: scene.endText ?? '' };
    case 'stats':
    case 'blank':
    case 'program':
      return { ...base, kind: scene.kind };
    case 'draw':
      return { ...base, kind: 'draw', drawId: scene.drawId };
    case 'awards':
      return { ...base, kind: 'awards' };
  }
}

/** The event runs on Beijing time (UTC+8) wherever the console's browser is. */
const BEIJING_MS = 8 * 3_600_000;
function beijingLocal(to: number | string): string {
  const at = typeof to === 'number' ? to : Date.parse(to);
  return Number.isFinite(at) ? new Date(at + BEIJING_MS).toISOString().slice(0, 16) : '';
}

/** Builds the scene the hub will check; trims text and leaves out an empty address. */
export function draftToScene(draft: SceneDraft): Scene {
  switch (draft.kind) {
    case 'message':
      return { kind: 'message', title: draft.title.trim(), body: draft.body.trim(), tone: draft.tone };
    case 'join': {
      const url = draft.url.trim();
      return url ? { kind: 'join', title: draft.title.trim(), url } : { kind: 'join', title: draft.title.trim() };
    }
    case 'loop':
      return { kind: 'loop', playlistId: draft.playlistId };
    case 'stats':
      return { kind: 'stats' };
    case 'leaderboard':
      return draft.venueId ? { kind: 'leaderboard', venueId: draft.venueId } : { kind: 'leaderboard' };
    case 'quiz':
      return { kind: 'quiz', sessionId: draft.sessionId.trim() };
    case 'blank':
      return { kind: 'blank' };
    case 'program':
      return { kind: 'program' };
    case 'countdown': {
      const endText = draft.endText.trim();
      const to = `${draft.countdownTo}:00+08:00`;
      return endText ? { kind: 'countdown', title: draft.title.trim(), to, endText } : { kind: 'countdown', title: draft.title.trim(), to };
    }
    case 'draw':
      return { kind: 'draw', drawId: draft.drawId.trim() };
    case 'awards':
      return { kind: 'awards' };
  }
}

/** Same scene, field for field: the console marks a preview that is already on air. */
export function sameScene(a: Scene, b: Scene): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
