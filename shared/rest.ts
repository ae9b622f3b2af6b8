import { Type, type Static } from '@sinclair/typebox';
import { Slug } from './ids.ts';
import { Scene } from './scenes.ts';
import { httpRoute } from './http.ts';

/** REST bodies. The stage commands reuse the socket schemas (see events.ts). */
const HealthReply = Type.Object({
  status: Type.Literal('ok'),
  name: Type.Literal('eventday'),
  version: Type.String(),
  protocol: Type.Integer(),
  uptimeSeconds: Type.Number(),
  connectedClients: Type.Integer(),
});
type HealthReply = Static<typeof HealthReply>;

export const GroupParams = Type.Object({ groupId: Slug });
export const PrepareBody = Type.Object({ scene: Scene }, { additionalProperties: false });
export const TakeBody = Type.Object({ previewRevision: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });

/** Whether the hub is up: for load balancers, monitors and the README's first check. */
export const healthHttp = {
  health: httpRoute({ method: 'GET', path: '/healthz', reply: HealthReply }),
};
