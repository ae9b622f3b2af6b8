import { expect, test } from 'vitest';
import { checkRequest } from '../../server/realtime/check-request.ts';
import { PrepareRequest, TakeRequest } from '../../shared/stage.ts';
import { HubError } from '../../server/hub-error.ts';

function codeOf(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof HubError ? `${error.code} ${error.detail}` : 'other';
  }
}

test('a valid scene passes', () => {
  expect(codeOf(() => checkRequest(PrepareRequest, { groupId: 'lobby', scene: { kind: 'join', title: '扫码' } }))).toBeUndefined();
});

test('an unknown kind is named as such; other mistakes say where they are', () => {
  expect(codeOf(() => checkRequest(PrepareRequest, { groupId: 'lobby', scene: { kind: 'video-wall' } }))).toMatch(/^UNKNOWN_SCENE_KIND/);
  expect(codeOf(() => checkRequest(PrepareRequest, { groupId: 'lobby', scene: { kind: 'join' } }))).toMatch(/^BAD_PAYLOAD/);
  expect(codeOf(() => checkRequest(TakeRequest, { groupId: 'Lobby!', previewRevision: 1 }))).toMatch(/^BAD_PAYLOAD \/groupId/);
  expect(codeOf(() => checkRequest(TakeRequest, null))).toMatch(/^BAD_PAYLOAD/);
});
