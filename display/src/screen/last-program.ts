import type { ProgramView, ScreenSnapshot } from '../../../shared/stage.ts';

const KEY = 'eventday.screen.last';

/**
 * The last scene a screen showed, kept in the browser: a screen that restarts while the hub is
 * away (its page and media come from the offline cache) puts it up again instead of a blank wall.
 * The hub's snapshot replaces it as soon as the link is back.
 */
export function keepLastProgram(groupId: string, snapshot: ScreenSnapshot | null, program: ProgramView): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ groupId, snapshot, program }));
  } catch {
    // Storage full or refused: the screen still works, it just starts blank after a restart offline.
  }
}

export function restoreLastProgram(groupId: string): { snapshot: ScreenSnapshot; program: ProgramView } | null {
  try {
    const kept = JSON.parse(localStorage.getItem(KEY) ?? 'null') as { groupId: string; snapshot: ScreenSnapshot | null; program: ProgramView } | null;
    if (!kept?.snapshot || !kept.program || kept.groupId !== groupId || kept.program.groupId !== groupId) return null;
    return { snapshot: kept.snapshot, program: kept.program };
  } catch {
    return null;
  }
}
