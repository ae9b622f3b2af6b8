import { randomBytes, randomInt } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../store/database.ts';
import type { LiveAction, LiveJoinReply, LiveJoinRequest, LiveSettings, LiveState, LiveYou } from '../../shared/live.ts';
import { LIVE_GRACE_MS, livePoints, rankByScore } from '../../shared/live-scoring.ts';
import { isCorrect } from '../../shared/quiz-scoring.ts';
import { cryptoRandom, safetyNicknames } from '../../shared/safety-nicknames.ts';
import { characterCount, cleanName } from '../../shared/visitor-text.ts';
import { isBlockedName, withoutTags } from '../../shared/name-filter.ts';
import { NAME_LIMITS } from '../../shared/visitors.ts';
import { HubError } from '../hub-error.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Actor } from '../auth/identity.ts';
import { throttle } from '../auth/failure-throttle.ts';
import { createGroupCommit } from '../store/group-commit.ts';
import type { QuestionStore } from '../quiz/question-store.ts';
import { moveLive } from '../../shared/live-rules.ts';
import { createLiveStore, type SessionRow } from './live-store.ts';
import type { PlayerTokens } from './player-token.ts';
import { realClock, type HubClock, type Timer } from '../clock.ts';

/** Where the service's news goes: the session's room, one player's sockets. */
export interface LivePublisher {
  state(state: LiveState): void;
  /** Screens and the console get every count; phones (thousands of sockets) only when `toPlayers`. */
  count(count: { sessionId: string; index: number; answered: number; players: number }, toPlayers: boolean): void;
  you(playerId: string, you: LiveYou): void;
}

/** A wrong PIN costs nothing the first twenty times from an address (a hall shares one), then waits, doubling to 10 s. */
const PIN_THROTTLE = { freeFailures: 20, firstLockMs: 1000, maxLockMs: 10_000, forgetAfterMs: 10 * 60_000 };
const JOIN_CODE_WINDOW_MS = 10_000;
/** A busy question pushes its answered count to screens at most this often, and the lobby its arrivals. */
const COUNT_EVERY_MS = 250;
const LOBBY_EVERY_MS = 300;
/**
 * Phones get the count far less often and not while the question is still reaching them: one
 * push to 5000 phones costs the hub 50–160 ms, which at 4/s delayed the question's own fan-out
 * (measured with npm run bench:quiz and node --cpu-prof).
 */
const PLAYER_COUNT_EVERY_MS = 2000;
const PLAYER_COUNT_QUIET_MS = 1000;

export interface Joiner {
  ip: string;
  visitorId: string | null;
  visitorName: string | null;
  visitorUnit: string | null;
  deviceVenueId: string | null;
}

/**
 * The live quiz, kept by the hub: sessions and their phases in the store, each question's
 * deadline as data (a timer closes it, and a restarted hub sets the timer again from the store),
 * every answer timed, scored and stored in a group commit before it is acknowledged.
 */
export function createLiveService(
  db: Db,
  questions: QuestionStore,
  tokens: PlayerTokens,
  publish: LivePublisher,
  log: FastifyBaseLogger,
  clock: HubClock = realClock,
) {
  const now = clock.now;
  const store = createLiveStore(db);
  const timers = new Map<string, Timer>();
  const pending = new Map<string, Timer>();
  const playersCountedAt = new Map<string, number>();
  let rotation: Timer | undefined;
  function forgetTimers() {
    for (const timer of [...timers.values(), ...pending.values()]) clock.clearTimeout(timer);
    timers.clear();
    pending.clear();
  }

  function load(sessionId: string): SessionRow {
    const session = store.session(sessionId);
    if (!session) throw new HubError('LIVE_UNKNOWN_SESSION');
    return session;
  }

  const questionOf = (session: SessionRow, index: number) => {
    const question = questions.find(session.settings.questionIds[index] ?? '');
    if (!question) throw new HubError('UNKNOWN_QUESTION', session.settings.questionIds[index]);
    return question;
  };
  const limitOf = (session: SessionRow) => session.settings.timeLimitSec * 1000;

  /** How many chose each option: the answers read and parsed once, not once per option. */
  function tally(choices: string[], options: number): number[] {
    const counts = new Array<number>(options).fill(0);
    for (const choice of choices) for (const option of JSON.parse(choice) as number[]) if (option < options) counts[option]! += 1;
    return counts;
  }

  /** A session's state as its phase shows it: each phase carries only its own fields. */
  function stateOf(session: SessionRow): LiveState {
    const at = now();
    const common = {
      sessionId: session.id,
      revision: session.revision,
      step: session.step,
      name: session.settings.name,
      pin: session.pin,
      joinCode: session.settings.rotatingJoin ? tokens.joinCode(session.pin, Math.floor(at / JOIN_CODE_WINDOW_MS)) : null,
      paused: session.paused_at !== null,
      index: session.idx,
      total: session.settings.questionIds.length,
      players: store.playerCount.get(session.id) as number,
      serverNow: at,
    };
    const standings = () => ({
      leaderboard: rankByScore(store.top.all(session.id, 10) as { id: string; name: string; score: number; team: string | null }[]).map(
        ({ rank, name, score, team }) => ({ rank, name, score, team }),
      ),
      teams: store.teams.all(session.id) as { team: string; score: number; players: number }[],
    });
    const asked = () => {
      const question = questionOf(session, session.idx);
      const shown = {
        prompt: question.prompt,
        options: question.options,
        type: question.type,
        ...(question.image ? { image: question.image } : {}),
        deadline: session.deadline ?? at,
        timeLimitMs: limitOf(session),
      };
      return { question, shown, answered: store.answeredCount.get(session.id, session.idx) as number };
    };
    const { phase } = session;
    switch (phase) {
      case 'lobby':
        return { ...common, phase, recentPlayers: store.recent.all(session.id) as string[] };
      case 'question':
      case 'closed': {
        const { shown, answered } = asked();
        return { ...common, phase, question: shown, answered };
      }
      case 'reveal': {
        const { question, shown, answered } = asked();
        const distribution = tally(store.choices.all(session.id, session.idx) as string[], question.options.length);
        return {
          ...common,
          phase,
          question: shown,
          answered,
          reveal: { answer: question.answer, distribution, explanation: question.explanation },
          ...standings(),
        };
      }
      case 'leaderboard':
      case 'podium':
      case 'ended':
        return { ...common, phase, ...standings() };
    }
  }

  function youOf(session: SessionRow, playerId: string): LiveYou {
    const player = store.player(playerId, session.id);
    if (!player || player.removed_at !== null) throw new HubError('LIVE_TOKEN_INVALID', 'removed from the session');
    const answer =
      session.idx >= 0
        ? (store.answer.get(session.id, session.idx, playerId) as { choice_json: string; correct: number; points: number } | undefined)
        : undefined;
    const revealed = ['reveal', 'leaderboard', 'podium', 'ended'].includes(session.phase);
    return {
      playerId,
      name: player.name,
      score: player.score,
      rank: (store.ahead.get(session.id, player.score) as number) + 1,
      answered: answer ? (JSON.parse(answer.choice_json) as number[]) : null,
      lastCorrect: revealed && session.idx >= 0 ? Boolean(answer?.correct) : null,
      lastPoints: revealed && answer ? answer.points : 0,
    };
  }

  /** Every player's own result at once (the reveal): two queries, not one per player. */
  function publishEveryone(session: SessionRow) {
    const players = store.allPlayers.all(session.id) as { id: string; name: string; score: number; removed_at: number | null }[];
    const answers = new Map(
      (store.questionAnswers.all(session.id, session.idx) as { player_id: string; choice_json: string; correct: number; points: number }[]).map((answer) => [
        answer.player_id,
        answer,
      ]),
    );
    const ranked = rankByScore(players.filter((player) => player.removed_at === null));
    for (const player of ranked) {
      const answer = answers.get(player.id);
      publish.you(player.id, {
        playerId: player.id,
        name: player.name,
        score: player.score,
        rank: player.rank,
        answered: answer ? (JSON.parse(answer.choice_json) as number[]) : null,
        lastCorrect: Boolean(answer?.correct),
        lastPoints: answer?.points ?? 0,
      });
    }
  }

  /** The session's state to everyone in it (and each player's own result at the reveal); returns that state. */
  function broadcast(sessionId: string): LiveState {
    const session = load(sessionId);
    const state = stateOf(session);
    publish.state(state);
    if (session.phase === 'reveal') publishEveryone(session);
    return state;
  }

  /** Arrivals in the lobby (and counts) come in bursts: one push per burst. */
  function broadcastSoon(sessionId: string, everyMs: number, send: () => void) {
    if (pending.has(sessionId)) return;
    pending.set(
      sessionId,
      clock.setTimeout(() => {
        pending.delete(sessionId);
        send();
      }, everyMs),
    );
  }

  /** The open question closes at its deadline (plus the grace), even after a restart. */
  function schedule(session: SessionRow) {
    clock.clearTimeout(timers.get(session.id));
    timers.delete(session.id);
    if (session.phase !== 'question' || session.paused_at !== null || session.deadline === null) return;
    const { idx, step } = session;
    timers.set(
      session.id,
      clock.setTimeout(() => autoClose(session.id, idx, step), Math.max(0, session.deadline + LIVE_GRACE_MS - now())),
    );
  }

  /** Closes the open question, unless the MC moved on since (another step) or it is another question now. */
  function autoClose(sessionId: string, index: number, step: number) {
    timers.delete(sessionId);
    const session = store.session(sessionId);
    if (!session || session.phase !== 'question' || session.idx !== index || session.step !== step) return;
    apply(session, 'close', { kind: 'system', id: 'hub', name: 'hub', ip: '' });
  }

  function apply(session: SessionRow, action: LiveAction, actor: Actor): LiveState {
    const move = moveLive({ phase: session.phase, index: session.idx, paused: session.paused_at !== null, total: session.settings.questionIds.length }, action);
    if (!move.ok) throw new HubError('LIVE_WRONG_STEP', move.why);
    const at = now();
    let { opened_at: openedAt, deadline, paused_at: pausedAt } = session;
    if (move.opens) {
      openedAt = at;
      deadline = at + limitOf(session);
    }
    if (action === 'pause') pausedAt = at;
    if (action === 'resume' && pausedAt !== null) {
      // The clock stood still while paused: the question keeps the time it had left.
      const held = at - pausedAt;
      openedAt = openedAt === null ? null : openedAt + held;
      deadline = deadline === null ? null : deadline + held;
      pausedAt = null;
    }
    if (!move.paused) pausedAt = null;
    db.transaction(() => {
      if (move.discards) {
        store.discard.run(session.idx, session.idx, session.id);
        store.discardAnswers.run(session.id, session.idx);
      }
      store.move.run(move.phase, move.index, pausedAt, openedAt, deadline, session.id);
      store.command.run(session.id, session.step + 1, action, actor.name || actor.kind, at);
    })();
    schedule(load(session.id));
    return broadcast(session.id);
  }

  function playerName(request: LiveJoinRequest, joiner: Joiner): string {
    if (joiner.visitorName) return joiner.visitorName;
    const typed = request.nickname === undefined ? '' : cleanName(withoutTags(request.nickname));
    if (request.nickname !== undefined && !typed) throw new HubError('NAME_INVALID', 'empty once tags and invisible characters are removed');
    if (!typed) return safetyNicknames(1, cryptoRandom)[0]!.zh;
    if (characterCount(typed) > NAME_LIMITS.nickname) throw new HubError('NAME_INVALID', `longer than ${NAME_LIMITS.nickname} characters`);
    if (isBlockedName(typed)) throw new HubError('NAME_BLOCKED');
    return typed;
  }

  function teamOf(session: SessionRow, request: LiveJoinRequest, joiner: Joiner): string | null {
    if (session.settings.teamMode === 'unit') return cleanName(withoutTags(request.unit ?? '')).slice(0, NAME_LIMITS.unit) || joiner.visitorUnit || null;
    if (session.settings.teamMode === 'venue') return request.venueId ?? joiner.deviceVenueId ?? null;
    return null;
  }

  // Answers are written in group commits: thousands arrive within a second of each other.
  const writeAnswer = createGroupCommit(
    db,
    (item: { sessionId: string; playerId: string; index: number; choice: number[] }, at: number, batch) => {
      // Answers do not change the session row: a batch reads it once.
      const session = batch.once(`session:${item.sessionId}`, () => load(item.sessionId));
      const player = store.player(item.playerId, item.sessionId);
      if (!player || player.removed_at !== null) throw new HubError('LIVE_TOKEN_INVALID', 'removed from the session');
      if (session.phase !== 'question' || session.idx !== item.index || session.paused_at !== null || session.deadline === null || session.opened_at === null) {
        throw new HubError('LIVE_CLOSED', `question ${item.index + 1} is not open`);
      }
      if (at > session.deadline + LIVE_GRACE_MS) throw new HubError('LIVE_CLOSED', `${at - session.deadline} ms after the deadline`);
      if (player.joined_at > session.opened_at) throw new HubError('LIVE_CLOSED', 'joined after this question opened: the next one is yours');
      if (store.answer.get(item.sessionId, item.index, item.playerId)) throw new HubError('LIVE_ALREADY_ANSWERED');
      const question = questionOf(session, item.index);
      if (
        item.choice.some((option) => option >= question.options.length) ||
        new Set(item.choice).size !== item.choice.length ||
        (question.type !== 'multiple' && item.choice.length > 1)
      ) {
        throw new HubError('QUIZ_BAD_CHOICE');
      }
      const limit = limitOf(session);
      const elapsedMs = Math.min(at - session.opened_at, limit);
      const correct = isCorrect(question.answer, item.choice);
      const points = livePoints(correct, elapsedMs, limit, session.settings.points, session.settings.questionIds.length);
      store.insertAnswer.run(item.sessionId, item.playerId, item.index, JSON.stringify(item.choice), Number(correct), points, elapsedMs, at);
      store.addScore.run(points, Number(correct), item.playerId);
      return { sessionId: item.sessionId, index: item.index, accepted: true, elapsedMs };
      // Answers are timed on the hub's clock, like the question's opening and deadline.
    },
    undefined,
    now,
  );

  return {
    create(settings: LiveSettings, actor: Actor): LiveState {
      for (const id of settings.questionIds) if (!questions.find(id)) throw new HubError('UNKNOWN_QUESTION', id);
      let pin = '';
      do pin = String(randomInt(100000, 1000000));
      while (store.pinTaken.get(pin));
      const id = `L${randomBytes(4).toString('hex')}`;
      db.transaction(() => {
        store.insertSession.run(id, pin, JSON.stringify(settings), actor.name || actor.kind, now());
        recordAudit(db, actor, 'live:create', `live:${id}`, { name: settings.name, questions: settings.questionIds.length });
      })();
      return stateOf(load(id));
    },

    list: () => ({
      sessions: (store.list.all() as { id: string; settings_json: string; pin: string; phase: string; created_at: number; players: number }[]).map((row) => ({
        sessionId: row.id,
        name: (JSON.parse(row.settings_json) as LiveSettings).name,
        pin: row.pin,
        phase: row.phase,
        players: row.players,
        createdAt: row.created_at,
      })),
    }),

    state: (sessionId: string) => stateOf(load(sessionId)),

    /** The question the MC's next step opens (the lobby's first, or the one after the current), for the console only. */
    upcoming(sessionId: string) {
      const session = load(sessionId);
      const index = session.phase === 'lobby' ? 0 : session.idx + 1;
      const opens = ['lobby', 'question', 'closed', 'reveal', 'leaderboard'].includes(session.phase) && index < session.settings.questionIds.length;
      return opens ? { index, prompt: questionOf(session, index).prompt } : { index: -1, prompt: null };
    },

    questionChoices: () => ({
      questions: questions.playable().map(({ id, theme, type, difficulty, prompt }) => ({ id, theme, type, difficulty, prompt })),
    }),

    players(sessionId: string) {
      load(sessionId);
      const rows = store.allPlayers.all(sessionId) as { id: string; name: string; team: string | null; score: number; removed_at: number | null }[];
      return { players: rows.filter((row) => row.removed_at === null).map((row) => ({ playerId: row.id, name: row.name, team: row.team, score: row.score })) };
    },

    control(sessionId: string, action: LiveAction, step: number, actor: Actor): LiveState {
      const session = load(sessionId);
      if (step !== session.step) throw new HubError('LIVE_STALE', `at step ${session.step}, the button was for ${step}`);
      return apply(session, action, actor);
    },

    rename(sessionId: string, playerId: string, change: { name?: string; remove?: boolean }, actor: Actor): LiveState {
      load(sessionId);
      if (!store.player(playerId, sessionId)) throw new HubError('LIVE_UNKNOWN_PLAYER');
      const name = change.name === undefined ? undefined : cleanName(withoutTags(change.name));
      if (name !== undefined && (!name || characterCount(name) > NAME_LIMITS.nickname)) throw new HubError('NAME_INVALID');
      db.transaction(() => {
        if (name) store.rename.run(name, playerId, sessionId);
        if (change.remove) store.remove.run(now(), playerId, sessionId);
        store.bump.run(sessionId);
        recordAudit(db, actor, change.remove ? 'live:remove-player' : 'live:rename-player', `live:${sessionId}`, { playerId, name });
      })();
      return broadcast(sessionId);
    },

    join(request: LiveJoinRequest, joiner: Joiner): LiveJoinReply {
      const at = now();
      const attempt = throttle(db, `livepin:${joiner.ip}`, at, PIN_THROTTLE);
      if (attempt.lockedForMs > 0) throw new HubError('RATE_LIMITED', `retry after ${Math.ceil(attempt.lockedForMs / 1000)} s`);
      const pin = request.pin.replace(/\s/g, '');
      const session = /^\d{6}$/.test(pin) ? store.byPin(pin) : undefined;
      if (!session) {
        const record = attempt.failed();
        log.warn({ ip: joiner.ip, failures: record.failures }, 'live quiz: wrong PIN');
        throw new HubError('LIVE_PIN_INVALID');
      }
      if (session.settings.rotatingJoin) {
        const window = Math.floor(at / JOIN_CODE_WINDOW_MS);
        const fresh = [window, window - 1].map((w) => tokens.joinCode(pin, w));
        if (!request.joinCode || !fresh.includes(request.joinCode.toUpperCase())) throw new HubError('LIVE_JOIN_CODE');
      }
      const venues = session.settings.venueIds;
      const venue = request.venueId ?? joiner.deviceVenueId;
      if (venues.length > 0 && venue && !venues.includes(venue)) throw new HubError('LIVE_VENUE_NOT_IN');
      // A visitor who joins again (another phone, a cleared browser) is the same player.
      const existing = joiner.visitorId ? (store.visitorPlayer.get(session.id, joiner.visitorId) as { id: string } | undefined) : undefined;
      const playerId = existing?.id ?? `p${randomBytes(6).toString('hex')}`;
      if (!existing) {
        const name = playerName(request, joiner);
        // An arrival is a change the lobby screens show: the session's revision moves with it.
        db.transaction(() => {
          store.insertPlayer.run(playerId, session.id, name, joiner.visitorId, teamOf(session, request, joiner), at);
          store.bump.run(session.id);
        })();
        broadcastSoon(session.id, LOBBY_EVERY_MS, () => publish.state(stateOf(load(session.id))));
      }
      return { token: tokens.issue(session.id, playerId), you: youOf(session, playerId), state: stateOf(session) };
    },

    rejoin(token: string): LiveJoinReply {
      const named = tokens.read(token);
      const session = named && store.session(named.sessionId);
      if (!named || !session) throw new HubError('LIVE_TOKEN_INVALID');
      return { token, you: youOf(session, named.playerId), state: stateOf(session) };
    },

    async answer(token: string, index: number, choice: number[]) {
      const named = tokens.read(token);
      if (!named) throw new HubError('LIVE_TOKEN_INVALID');
      const stored = await writeAnswer({ ...named, index, choice });
      broadcastSoon(`count:${named.sessionId}`, COUNT_EVERY_MS, () => {
        const session = store.session(named.sessionId);
        if (!session || session.idx !== index) return;
        const answered = store.answeredCount.get(session.id, index) as number;
        const players = store.playerCount.get(session.id) as number;
        const at = now();
        const toPlayers = at - (session.opened_at ?? at) >= PLAYER_COUNT_QUIET_MS && at - (playersCountedAt.get(session.id) ?? 0) >= PLAYER_COUNT_EVERY_MS;
        if (toPlayers) playersCountedAt.set(session.id, at);
        publish.count({ sessionId: session.id, index, answered, players }, toPlayers);
        // Everyone has answered: no need to wait for the clock.
        if (session.phase === 'question' && answered >= players) autoClose(session.id, index, session.step);
      });
      return { index: stored.index, accepted: stored.accepted, elapsedMs: stored.elapsedMs };
    },

    /** After a (re)start: the open questions' deadlines are set again from the store; rotating join codes turn. */
    resumeTimers() {
      for (const session of store.open()) schedule(session);
      rotation ??= clock.setInterval(() => {
        // A turning join code is a change screens show: the revision moves with it.
        for (const session of store.active()) {
          if (!session.settings.rotatingJoin) continue;
          store.bump.run(session.id);
          publish.state(stateOf(load(session.id)));
        }
      }, JOIN_CODE_WINDOW_MS / 2);
    },

    stop() {
      forgetTimers();
      clock.clearInterval(rotation);
    },

    /** Every session was removed (a rehearsal reset, a new event): their deadlines go with them. */
    forgetSessions() {
      forgetTimers();
      playersCountedAt.clear();
    },

    /** The podium (places 1–3, ties included) with each player's team: the quiz champions of an award list. */
    champions(sessionId: string) {
      load(sessionId);
      const players = store.allPlayers.all(sessionId) as { name: string; team: string | null; score: number; removed_at: number | null }[];
      return rankByScore(players.filter((player) => player.removed_at === null && player.score > 0)).filter((player) => player.rank <= 3);
    },

    /** Everything the results export needs. */
    results(sessionId: string) {
      const session = load(sessionId);
      return {
        session,
        questions: session.settings.questionIds.map((id) => questions.find(id)),
        players: store.allPlayers.all(sessionId) as {
          id: string;
          name: string;
          team: string | null;
          score: number;
          correct: number;
          removed_at: number | null;
        }[],
        answers: store.allAnswers.all(sessionId) as {
          player_id: string;
          idx: number;
          choice_json: string;
          correct: number;
          points: number;
          elapsed_ms: number;
        }[],
      };
    },
  };
}

export type LiveService = ReturnType<typeof createLiveService>;
