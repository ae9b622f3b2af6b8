import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { GroupParams, PrepareBody, TakeBody } from '../../shared/rest.ts';
import { ConsoleSnapshot, FollowMode, FollowView, SlotState, TakeAllReply, TakeAllRequest } from '../../shared/stage.ts';
import { Type } from '@sinclair/typebox';
import type { StageService } from './stage-service.ts';
import { visibleVenues } from '../auth/guard.ts';
import { actorOf } from '../auth/identity.ts';

/** The same stage commands over REST, for scripts and show-control tools. */
export async function stageRoutes(app: FastifyInstance, { stage }: { stage: StageService }): Promise<void> {
  app.get('/api/stage', { config: { action: 'stage:overview' }, schema: { response: { 200: ConsoleSnapshot } } }, (request) =>
    stage.overview(visibleVenues(request.identity)),
  );

  app.post<{ Params: Static<typeof GroupParams>; Body: Static<typeof PrepareBody> }>(
    '/api/groups/:groupId/prepare',
    { config: { action: 'stage:prepare' }, schema: { params: GroupParams, body: PrepareBody, response: { 200: SlotState } } },
    (request) => stage.prepare({ groupId: request.params.groupId, scene: request.body.scene }, actorOf(request.identity, request.ip)),
  );

  app.post<{ Params: Static<typeof GroupParams>; Body: Static<typeof TakeBody> }>(
    '/api/groups/:groupId/take',
    { config: { action: 'stage:take' }, schema: { params: GroupParams, body: TakeBody, response: { 200: SlotState } } },
    (request) =>
      stage.take({ groupId: request.params.groupId, previewRevision: request.body.previewRevision }, actorOf(request.identity, request.ip)),
  );

  app.post<{ Body: Static<typeof TakeAllRequest> }>(
    '/api/stage/take-all',
    { config: { action: 'stage:take-all' }, schema: { body: TakeAllRequest, response: { 200: TakeAllReply } } },
    (request) => stage.takeAll(request.body, actorOf(request.identity, request.ip)),
  );

  app.put<{ Params: Static<typeof GroupParams>; Body: { follow: FollowMode } }>(
    '/api/groups/:groupId/follow',
    {
      config: { action: 'stage:follow' },
      schema: { params: GroupParams, body: Type.Object({ follow: FollowMode }, { additionalProperties: false }), response: { 200: FollowView } },
    },
    (request) => stage.follow({ groupId: request.params.groupId, follow: request.body.follow }, actorOf(request.identity, request.ip)),
  );
}
