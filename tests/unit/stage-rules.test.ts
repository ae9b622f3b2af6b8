import { describe, expect, test } from 'vitest';
import {
  checkFollow,
  EMPTY_SLOT,
  mirrorProgram,
  prepareScene,
  putOnAir,
  switchTimeFor,
  TAKE_LEAD_MS,
  takePreview,
  type GroupState,
} from '../../server/stage/stage-rules.ts';
import { HubError } from '../../server/hub-error.ts';

const fresh = (groupId = 'main-stage'): GroupState => ({ groupId, venueId: 'taihu', revision: 0, follow: 'own', program: EMPTY_SLOT, preview: EMPTY_SLOT });
const message = { kind: 'message', tone: 'info', title: '欢迎', body: '' } as const;

describe('stage rules', () => {
  test('prepare puts the scene in preview with the next revision and leaves the program', () => {
    const next = prepareScene(fresh(), message, 1000);
    expect(next.preview).toEqual({ revision: 1, scene: message, changedAt: 1000 });
    expect(next.program).toBe(EMPTY_SLOT);
    expect(next.revision).toBe(1);
  });

  test('take copies the preview to the program with a newer revision, keeping the preview', () => {
    const prepared = prepareScene(fresh(), message, 1000);
    const taken = takePreview(prepared, prepared.preview.revision, 2000);
    expect(taken.program).toEqual({ revision: 2, scene: message, changedAt: 2000, switchAt: 2000 });
    expect(taken.preview).toEqual(prepared.preview);
  });

  test('revisions never go back, whichever slot changes', () => {
    let state = fresh();
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) {
      state = prepareScene(state, { kind: 'blank' }, i);
      seen.push(state.preview.revision);
      state = takePreview(state, state.preview.revision, i);
      seen.push(state.program.revision);
    }
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBe(seen.length);
  });

  test('a take naming an older preview is refused with PREVIEW_CHANGED', () => {
    const first = prepareScene(fresh(), message, 1);
    const second = prepareScene(first, { kind: 'blank' }, 2);
    expect(() => takePreview(second, first.preview.revision, 3)).toThrow(HubError);
    try {
      takePreview(second, first.preview.revision, 3);
    } catch (error) {
      expect((error as HubError).code).toBe('PREVIEW_CHANGED');
    }
  });

  test('a follower mirrors the main stage with its own revision, switching and counting its loop from the main stage’s moment', () => {
    const main = takePreview(prepareScene(fresh(), message, 1000), 1, 2000, 3500);
    let follower = fresh('songzhuang-hall');
    for (let i = 0; i < 7; i++) follower = prepareScene(follower, { kind: 'blank' }, i);
    const mirrored = mirrorProgram({ ...follower, follow: 'main' }, main.program, 2001);
    expect(mirrored.program).toEqual({ revision: 8, scene: message, changedAt: 2001, switchAt: 3500 });
    // An older slot without a switch time counts from when it changed.
    expect(mirrorProgram(follower, EMPTY_SLOT, 5).program.switchAt).toBe(0);
  });

  test('a group that follows the main stage takes nothing of its own; the main stage cannot follow itself', () => {
    const following: GroupState = { ...prepareScene(fresh('lobby'), message, 1), follow: 'main' };
    expect(() => takePreview(following, 1, 2)).toThrow(expect.objectContaining({ code: 'STAGE_FOLLOWING' }));
    expect(() => checkFollow('main-stage', 'main-stage', 'main')).toThrow(expect.objectContaining({ code: 'STAGE_FOLLOW_SELF' }));
    expect(() => checkFollow('main-stage', 'main-stage', 'own')).not.toThrow();
  });

  test('one group switches at once; several switch together a moment ahead', () => {
    expect(switchTimeFor(1, 10_000)).toBe(10_000);
    expect(switchTimeFor(3, 10_000)).toBe(10_000 + TAKE_LEAD_MS);
    expect(putOnAir(fresh(), message, 1, 99).program).toEqual({ revision: 1, scene: message, changedAt: 1, switchAt: 99 });
  });
});
