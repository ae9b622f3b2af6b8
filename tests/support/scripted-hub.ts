import type { Ack } from '../../shared/ack.ts';
import type { HubConnection } from '../../shared/client/hub-socket.svelte.ts';
import type { ClientCommand, CommandReply, CommandRequest, ServerToClientEvents } from '../../shared/events.ts';
import type { IdentityView } from '../../shared/identity.ts';

/** One command as the client sent it. */
interface Sent {
  command: ClientCommand;
  payload: unknown;
}

type Answer = { ack: Ack<unknown> } | { held: Promise<Ack<unknown>> };

/**
 * A hub's side of `request(command, payload)`, answered from what the test scripts per command:
 * `answer` queues replies that come at once, `hold` a reply the test gives when it chooses (a late
 * one). A command with nothing scripted fails the test: the class sent something unexpected.
 */
export function scriptedRequests() {
  const sent: Sent[] = [];
  const queues = new Map<ClientCommand, Answer[]>();
  const queue = (command: ClientCommand) => queues.get(command) ?? queues.set(command, []).get(command)!;

  const request: HubConnection['request'] = async (command, payload) => {
    sent.push({ command, payload });
    const next = queue(command).shift();
    if (!next) throw new Error(`no reply scripted for ${command}`);
    return ('ack' in next ? next.ack : await next.held) as Ack<CommandReply<typeof command>>;
  };

  return {
    request,
    sent,
    /** The commands sent so far, in order. */
    commands: () => sent.map((entry) => entry.command),
    /** The payloads sent with one command, in order. */
    payloads: <C extends ClientCommand>(command: C) => sent.filter((entry) => entry.command === command).map((entry) => entry.payload as CommandRequest<C>),
    /** Replies to the next requests of a command, in order. */
    answer<C extends ClientCommand>(command: C, ...acks: Ack<CommandReply<C>>[]) {
      queue(command).push(...acks.map((ack) => ({ ack })));
    },
    /** The next request of a command waits until the test calls the function returned. */
    hold<C extends ClientCommand>(command: C): (ack: Ack<CommandReply<C>>) => void {
      let release!: (ack: Ack<unknown>) => void;
      queue(command).push({ held: new Promise<Ack<unknown>>((resolve) => (release = resolve)) });
      return (ack) => release(ack);
    },
    /** Whether every scripted reply was asked for. */
    unused: () => [...queues].filter(([, answers]) => answers.length > 0).map(([command]) => command),
  };
}

type Handler = (payload: never) => void;

/**
 * A HubConnection without a socket: `socket.on/off` keep handlers in a map, `emit` delivers an event
 * as the hub would, `ready()` runs what was given to `onReady` (a (re)connect), and requests are
 * scripted as above. Only what the client classes use is there.
 */
export function fakeHub() {
  const requests = scriptedRequests();
  const handlers = new Map<string, Set<Handler>>();
  const readyRuns: ((identity: IdentityView) => void)[] = [];
  const socket = {
    on(event: string, handler: Handler) {
      (handlers.get(event) ?? handlers.set(event, new Set()).get(event)!).add(handler);
      return socket;
    },
    off(event: string, handler?: Handler) {
      if (handler) handlers.get(event)?.delete(handler);
      else handlers.delete(event);
      return socket;
    },
  };
  const connection: HubConnection = {
    socket: socket as unknown as HubConnection['socket'],
    status: 'online',
    identity: null,
    request: requests.request,
    onReady: (run) => void readyRuns.push(run),
    reconnect: () => {},
  };
  return {
    ...requests,
    connection,
    /** Delivers an event to the handlers listening for it, as the hub would. */
    emit<E extends keyof ServerToClientEvents>(event: E, payload: Parameters<ServerToClientEvents[E]>[0]) {
      for (const handler of handlers.get(event) ?? []) (handler as (payload: unknown) => void)(payload);
    },
    /** The hub has named this client (after a connect or reconnect): runs every onReady callback. */
    ready(identity: IdentityView = { principal: 'anonymous' }) {
      for (const run of readyRuns) run(identity);
    },
  };
}

/** A Storage in memory (Node has no localStorage), to put on globalThis for a test. */
export class MemoryStorage implements Storage {
  readonly #items = new Map<string, string>();
  get length(): number {
    return this.#items.size;
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.#items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
  clear(): void {
    this.#items.clear();
  }
}

/** Lets every pending promise and reply run (the classes only wait on their requests). */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
