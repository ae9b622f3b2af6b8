import type { HubConnection } from '../../../shared/client/hub-socket.svelte.ts';
import type { LiveJoinReply, LiveJoinRequest, LiveState, LiveYou } from '../../../shared/live.ts';
import { answeredOf } from '../../../shared/live-rules.ts';

/** Kept on the phone: a reload, a lost connection or a locked screen comes back as the same player. */
const TOKEN_KEY = 'eventday.live.token';
/** The question a player joined in the middle of: the hub takes their answers from the next one. */
const LATE_KEY = 'eventday.live.late';
/** Refusals after which a kept token is worth nothing: the player joins again. */
const TOKEN_GONE = new Set<string>(['LIVE_TOKEN_INVALID', 'LIVE_SESSION_ENDED', 'LIVE_UNKNOWN_SESSION']);
/** Refusals that end the question for this phone: it waits for the next one. */
const ANSWER_FINAL = new Set<string>(['LIVE_CLOSED', 'LIVE_ALREADY_ANSWERED', 'QUIZ_BAD_CHOICE']);

export type LiveScreen = 'join' | 'rejoining' | 'lobby' | 'question' | 'answered' | 'closed' | 'wait' | 'reveal' | 'leaderboard' | 'podium';

export interface LiveProblem {
  message: string;
  /** A second line: what happens next. */
  hint?: string;
  retry?: () => void;
}

const store = {
  get: (key: string): string | null => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set: (key: string, value: string | null) => {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch {
      // Private mode without storage: the player stays in the game until the page is closed.
    }
  },
};

/**
 * One phone in a live session. The hub owns the truth: the phone shows the newest state it was
 * sent (never an older revision), counts down against the hub's clock (the offset measured at
 * each state), and is told its own score and rank after each reveal. Its token survives reloads.
 */
export class LivePlayer {
  state = $state.raw<LiveState | null>(null);
  you = $state.raw<LiveYou | null>(null);
  token = $state<string | null>(store.get(TOKEN_KEY));
  /** Hub clock minus this phone's clock, in ms, measured when the shown state arrived. */
  offset = $state(0);
  /** The live counts while a question is open. */
  answered = $state(0);
  players = $state(0);
  joining = $state(false);
  rejoining = $state(false);
  joinError = $state.raw<{ code: string; message: string } | null>(null);
  problem = $state.raw<LiveProblem | null>(null);
  /** The choice on its way to the hub. */
  sending = $state.raw<number[] | null>(null);
  /** The question this phone may no longer answer (closed, or answered elsewhere). */
  lockedIndex = $state<number | null>(null);
  lateIndex = $state<number | null>(null);
  /** How long the hub timed this phone's answer to the current question. */
  elapsedMs = $state<number | null>(null);

  readonly screen: LiveScreen = $derived.by(() => this.#screenOf());

  readonly #hub: HubConnection;
  /** The PIN of the QR this page was opened from: a kept token of another session gives way to it. */
  readonly #urlPin: string | null;
  /** The line under a refused answer, in the current language. */
  readonly #waitNext: () => string;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(hub: HubConnection, urlPin: string | null, waitNext: () => string) {
    this.#hub = hub;
    this.#urlPin = urlPin;
    this.#waitNext = waitNext;
    hub.socket.on('live:state', (state) => this.#apply(state));
    hub.socket.on('live:count', (count) => {
      if (this.state && count.sessionId === this.state.sessionId && count.index === this.state.index) {
        this.answered = count.answered;
        this.players = count.players;
      }
    });
    hub.socket.on('live:you', (you) => {
      if (this.you && you.playerId === this.you.playerId) this.you = you;
    });
    // After every (re)connect the socket has left its rooms: rejoin puts it back and brings the state.
    hub.onReady(() => void this.rejoin());
  }

  #screenOf(): LiveScreen {
    const { state, you } = this;
    if (!state || !you) return this.token ? 'rejoining' : 'join';
    switch (state.phase) {
      case 'lobby':
        return 'lobby';
      case 'question':
        return you.answered ? 'answered' : this.lateIndex === state.index ? 'wait' : 'question';
      case 'closed':
        return you.answered ? 'answered' : 'closed';
      case 'reveal':
        return 'reveal';
      case 'leaderboard':
        return 'leaderboard';
      default:
        return 'podium';
    }
  }

  /** The hub's time now, by this phone's clock and the measured offset. */
  hubNow(): number {
    return Date.now() + this.offset;
  }

  /**
   * A state from the hub: a broadcast is shown only when strictly newer than what is shown (the
   * hub bumps a session's revision on every change, arrivals and a turning join code too) and of
   * this session; a reply to join or rejoin (`force`) is the truth.
   */
  #apply(next: LiveState, force = false): void {
    const current = this.state;
    if (!force && (!current || next.sessionId !== current.sessionId || next.revision <= current.revision)) return;
    const moved = !current || next.index !== current.index || next.phase !== current.phase;
    // A new question: the last one's answer and result no longer apply (the hub sends the new result at its reveal).
    if (!force && current && this.you && next.index !== current.index) {
      this.you = { ...this.you, answered: null, lastCorrect: null, lastPoints: 0 };
    }
    if (moved) {
      this.problem = null;
      this.sending = null;
      if (!current || next.index !== current.index) this.elapsedMs = null;
    }
    this.offset = next.serverNow - Date.now();
    this.state = next;
    this.answered = answeredOf(next);
    this.players = next.players;
  }

  #accept(reply: LiveJoinReply): void {
    this.token = reply.token;
    store.set(TOKEN_KEY, reply.token);
    const late = store.get(LATE_KEY);
    this.lateIndex = late?.startsWith(`${reply.state.sessionId}:`) ? Number(late.split(':')[1]) : null;
    this.joinError = null;
    this.you = reply.you;
    this.#apply(reply.state, true);
  }

  async join(request: LiveJoinRequest): Promise<string | null> {
    if (this.joining) return null;
    this.joining = true;
    this.joinError = null;
    const ack = await this.#hub.request('live:join', request);
    this.joining = false;
    if (!ack.ok) {
      this.joinError = { code: ack.code, message: ack.message };
      return ack.code;
    }
    const { state, you } = ack.data;
    // Joined while a question is open: the hub takes this player's answers from the next question.
    // (A pass holder may be coming back to a place they already had, so may still answer.)
    store.set(LATE_KEY, state.phase === 'question' && !request.pass && !you.answered ? `${state.sessionId}:${state.index}` : null);
    this.#accept(ack.data);
    return null;
  }

  /** Back into the session with the kept token: same player, score and state. */
  async rejoin(): Promise<void> {
    const token = this.token;
    if (!token || this.rejoining) return;
    clearTimeout(this.#retryTimer);
    this.rejoining = true;
    const ack = await this.#hub.request('live:rejoin', { token });
    this.rejoining = false;
    if (token !== this.token) return;
    if (ack.ok) {
      // Opened from the QR of another session: that one is the game now.
      if (!this.state && this.#urlPin && ack.data.state.pin !== this.#urlPin) {
        this.leave();
        return;
      }
      this.#accept(ack.data);
    } else if (TOKEN_GONE.has(ack.code)) {
      this.leave();
      if (ack.code !== 'LIVE_TOKEN_INVALID' || this.#urlPin === null) this.joinError = { code: ack.code, message: ack.message };
    } else if (!this.state) {
      // The hub did not answer (yet): try again shortly, still as the same player.
      this.#retryTimer = setTimeout(() => void this.rejoin(), 2000);
    }
  }

  /** Forgets the player on this phone: the join screen again. */
  leave(): void {
    clearTimeout(this.#retryTimer);
    store.set(TOKEN_KEY, null);
    store.set(LATE_KEY, null);
    this.token = null;
    this.state = null;
    this.you = null;
    this.problem = null;
    this.sending = null;
    this.lockedIndex = null;
    this.lateIndex = null;
  }

  async answer(choice: number[]): Promise<void> {
    const { state, token, you } = this;
    if (!state || !token || !you || this.sending || you.answered) return;
    const index = state.index;
    this.sending = choice;
    this.problem = null;
    const ack = await this.#hub.request('live:answer', { token, index, choice });
    if (this.state?.index !== index) return;
    this.sending = null;
    if (ack.ok) {
      this.elapsedMs = ack.data.elapsedMs;
      if (this.you) this.you = { ...this.you, answered: choice };
      try {
        navigator.vibrate?.(40);
      } catch {
        // No vibration motor: the screen says it.
      }
      return;
    }
    if (ANSWER_FINAL.has(ack.code)) {
      this.lockedIndex = index;
      this.problem = { message: ack.message, hint: this.#waitNext() };
      // Answered on another phone of the same pass: the hub has the choice, show it.
      if (ack.code === 'LIVE_ALREADY_ANSWERED') void this.#refresh();
    } else if (TOKEN_GONE.has(ack.code)) {
      this.leave();
      this.joinError = { code: ack.code, message: ack.message };
    } else {
      this.problem = { message: ack.message, retry: () => void this.answer(choice) };
    }
  }

  /** The hub's view of this player again, without waiting for a reconnect. */
  async #refresh(): Promise<void> {
    if (!this.token) return;
    const ack = await this.#hub.request('live:rejoin', { token: this.token });
    if (ack.ok && this.state && ack.data.state.sessionId === this.state.sessionId) {
      this.you = ack.data.you;
      this.#apply(ack.data.state);
    }
  }

  dismissProblem(): void {
    this.problem = null;
  }
}
