import type { Ack } from '../ack.ts';
import type { ErrorCode } from '../errors.ts';
import type { ServerToClientEvents } from '../events.ts';
import type { HubConnection } from './hub-socket.svelte.ts';

type HubEvent = keyof ServerToClientEvents;
type Payload<E extends HubEvent> = Parameters<ServerToClientEvents[E]>[0];

/** A piece of hub state as a page shows it, with the hub's clock offset when it arrived. */
export interface FeedView<S> {
  state: S;
  /** The hub's clock minus this page's when the state arrived (0 if the state carries no serverNow). */
  offset: number;
}

/** Another event that changes the shown state in place (the live quiz's answered count). */
interface FeedPatch<S, E extends HubEvent = HubEvent> {
  event: E;
  apply(shown: S, payload: Payload<E>): S;
}

/**
 * What a page follows on the hub: a scene's data on a screen, a panel's in the console. Every
 * feed works the same way: `watch` asks the hub (the reply is the truth, after every reconnect
 * too) and joins the room of its updates; a broadcast `event` is applied only when it belongs to
 * this feed and is strictly newer than what is shown (one rule for every feed: the hub bumps a
 * feed's revision on every change a client sees).
 */
export interface FeedSpec<S> {
  /** The same key is the same feed: following it again asks nothing new. */
  key: string;
  watch(hub: HubConnection): Promise<Ack<S>>;
  event: HubEvent;
  /** Whether a broadcast is for this feed (a session's, a draw's); by default every one is. */
  belongs?(update: S): boolean;
  /** Whether an update replaces what is shown; by default a higher revision. */
  newer?(update: S, shown: S): boolean;
  patches?: { [E in HubEvent]: FeedPatch<S, E> }[HubEvent][];
}

type Revisioned = { revision?: number; serverNow?: number };
const byRevision = (update: Revisioned, shown: Revisioned) => (update.revision ?? 0) > (shown.revision ?? 0);

/**
 * One followed feed at a time (a screen shows one scene; a console panel one session or draw):
 * `follow(spec)` switches to it (null: none), `refresh()` asks again (after a reconnect),
 * `adopt(state)` applies a state the page got as a reply (the MC's click), like a broadcast.
 */
export function createFeed<S>(hub: HubConnection) {
  let spec: FeedSpec<S> | null = null;
  let view = $state.raw<FeedView<S> | null>(null);
  let problem = $state<ErrorCode | null>(null);
  let key = $state<string | null>(null);
  const socket = hub.socket as unknown as {
    on(event: string, listener: (payload: unknown) => void): void;
    off(event: string, listener: (payload: unknown) => void): void;
  };
  let unlisten: () => void = () => {};

  const show = (state: S) => {
    const serverNow = (state as Revisioned).serverNow;
    view = { state, offset: typeof serverNow === 'number' ? serverNow - Date.now() : 0 };
  };
  /** A broadcast or an adopted reply: only for this feed, only when newer. */
  function offer(state: S) {
    if (!spec || (spec.belongs && !spec.belongs(state))) return;
    if (view && !(spec.newer ?? byRevision)(state as Revisioned & S, view.state as Revisioned & S)) return;
    show(state);
  }

  async function ask(asked: FeedSpec<S>) {
    const ack = await asked.watch(hub);
    if (spec !== asked) return;
    problem = ack.ok ? null : ack.code;
    // The hub's reply is the truth now (even after its store was reset).
    if (ack.ok) show(ack.data);
  }

  function listen(next: FeedSpec<S>) {
    const onUpdate = (payload: unknown) => offer(payload as S);
    const patches = (next.patches ?? []).map((patch) => {
      const onPatch = (payload: unknown) => {
        if (view) view = { state: (patch.apply as (shown: S, payload: unknown) => S)(view.state, payload), offset: view.offset };
      };
      socket.on(patch.event, onPatch);
      return () => socket.off(patch.event, onPatch);
    });
    socket.on(next.event, onUpdate);
    return () => {
      socket.off(next.event, onUpdate);
      for (const off of patches) off();
    };
  }

  return {
    get current(): FeedView<S> | null {
      return view;
    },
    /** Why the last watch was refused (an unknown session or draw), else null. */
    get problem() {
      return problem;
    },
    get key() {
      return key;
    },
    async follow(next: FeedSpec<S> | null): Promise<void> {
      if (next?.key === spec?.key && next !== null) return;
      unlisten();
      unlisten = () => {};
      spec = next;
      key = next?.key ?? null;
      view = null;
      problem = null;
      if (!next) return;
      unlisten = listen(next);
      await ask(next);
    },
    /** Asks the hub again (after every reconnect): its reply is the truth. */
    async refresh(): Promise<void> {
      if (spec) await ask(spec);
    },
    /** Follows `next`, asking the hub again if it is the feed followed already (on air again, a reconnect). */
    async watch(next: FeedSpec<S> | null): Promise<void> {
      if (next && next.key === spec?.key) await ask(spec);
      else await this.follow(next);
    },
    adopt(state: S) {
      offer(state);
    },
    stop() {
      unlisten();
      spec = null;
    },
  };
}

export type Feed<S> = ReturnType<typeof createFeed<S>>;
