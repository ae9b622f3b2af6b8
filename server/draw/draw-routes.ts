import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { DrawId } from '../../shared/draw.ts';
import type { DrawService } from './draw-service.ts';

/**
 * A draw's record as a file, with no name in it: the pool's member ids, their SHA-256 and the
 * winners' ids, so anyone can recompute the hash and see the winners came from the pool.
 */
export async function drawRoutes(app: FastifyInstance, opts: { draws: DrawService }): Promise<void> {
  app.get<{ Params: { drawId: string } }>(
    '/api/draws/:drawId/record.json',
    { config: { action: 'draw:verify' }, schema: { params: Type.Object({ drawId: DrawId }) } },
    (request, reply) =>
      reply.header('content-disposition', `attachment; filename="eventday-draw-${request.params.drawId}.json"`).send(opts.draws.record(request.params.drawId)),
  );
}
