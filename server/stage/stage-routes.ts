import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { GroupParams, PrepareBody, TakeBody } from '../../shared/rest.ts';
import { ConsoleSnapshot, SlotState } from '../../shared/stage.ts';
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
}
