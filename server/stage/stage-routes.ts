import type { FastifyInstance } from 'fastify';
import { stageHttp } from '../../shared/stage.ts';
import { visibleVenues } from '../auth/guard.ts';
import { actorOf } from '../auth/identity.ts';
import { serve } from '../web/serve.ts';
import type { StageService } from './stage-service.ts';

/** The same stage commands over REST, for scripts and show-control tools. */
export async function stageRoutes(
  app: FastifyInstance,
  stage: StageService,
  byGroup: (input: { groupId: string }) => { venueId: string; groupId: string },
): Promise<void> {
  const target = (input: Record<string, unknown>) => byGroup({ groupId: String(input.groupId) });
  serve(app, stageHttp.overview, { action: 'stage:overview' }, (request) => stage.overview(visibleVenues(request.identity)));
  serve(app, stageHttp.prepare, { action: 'stage:prepare', target }, (request) =>
    stage.prepare({ groupId: request.params.groupId, scene: request.body.scene }, actorOf(request.identity, request.ip)),
  );
  serve(app, stageHttp.take, { action: 'stage:take', target }, (request) =>
    stage.take({ groupId: request.params.groupId, previewRevision: request.body.previewRevision }, actorOf(request.identity, request.ip)),
  );
  serve(app, stageHttp.takeAll, { action: 'stage:take-all' }, (request) => stage.takeAll(request.body, actorOf(request.identity, request.ip)));
  serve(app, stageHttp.follow, { action: 'stage:follow', target }, (request) =>
    stage.follow({ groupId: request.params.groupId, follow: request.body.follow }, actorOf(request.identity, request.ip)),
  );
}
