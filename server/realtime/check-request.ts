import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { isSceneKind } from '../../shared/scenes.ts';
import { HubError } from '../hub-error.ts';

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();

function checkerFor(schema: TSchema): TypeCheck<TSchema> {
  let checker = compiled.get(schema);
  if (!checker) {
    checker = TypeCompiler.Compile(schema);
    compiled.set(schema, checker);
  }
  return checker;
}

/**
 * Checks an inbound payload against its schema at the boundary. A scene of a kind the hub
 * does not know gets its own code, since that is the mistake a stale console makes.
 */
export function checkRequest(schema: TSchema, payload: unknown): void {
  const checker = checkerFor(schema);
  if (checker.Check(payload)) return;
  const scene = (payload as { scene?: { kind?: unknown } } | null)?.scene;
  if (scene && typeof scene === 'object' && !isSceneKind(scene.kind)) {
    throw new HubError('UNKNOWN_SCENE_KIND', `scene kind "${String(scene.kind).slice(0, 40)}" is not one of the known kinds`);
  }
  const first = checker.Errors(payload).First();
  throw new HubError('BAD_PAYLOAD', first ? `${first.path || '/'}: ${first.message}` : 'payload does not match');
}
