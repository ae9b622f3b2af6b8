import { describe, expect, test } from 'vitest';
import { EMPTY_SLOT, prepareScene, takePreview, type GroupState } from '../../server/stage/stage-rules.ts';
import { HubError } from '../../server/hub-error.ts';

const fresh = (): GroupState => ({ groupId: 'main-stage', revision: 0, program: EMPTY_SLOT, preview: EMPTY_SLOT });
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
    expect(taken.program).toEqual({ revision: 2, scene: message, changedAt: 2000 });
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
});
