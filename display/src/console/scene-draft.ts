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
}

export function emptyDraft(playlistId = ''): SceneDraft {
  return { kind: 'message', title: '', body: '', tone: 'info', url: '', playlistId, venueId: '', sessionId: '' };
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
    case 'stats':
    case 'blank':
      return { ...base, kind: scene.kind };
  }
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
  }
}

/** Same scene, field for field: the console marks a preview that is already on air. */
export function sameScene(a: Scene, b: Scene): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
