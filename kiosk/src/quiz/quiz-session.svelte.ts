import type { HubConnection } from '../../../shared/client/hub-socket.svelte.ts';
import type { CommandReply, CommandRequest } from '../../../shared/events.ts';
import type { AskedQuestion, QuizAnswerReply, QuizResult, QuizStartRequest } from '../../../shared/quiz.ts';
import { newOfflineId, OfflineChallenge, quizPack } from './offline-quiz.ts';

/**
 * One visitor's challenge at the kiosk, as a small state machine:
 *
 *   attract ──start──▶ question ──answer / time's up──▶ feedback ──next──▶ question …
 *                                                          └──(last) result──▶ results
 *
 * The hub asks, times and scores; this only keeps what the screens show. reset() forgets the
 * visitor (idle, "play again"); a reply that arrives after a reset belongs to nobody and is dropped.
 */
export type QuizScreen = 'attract' | 'question' | 'feedback' | 'results';

export interface QuizFeedback {
  question: AskedQuestion;
  /** What the visitor picked; empty when the time ran out. */
  choice: number[];
  reply: QuizAnswerReply;
}

/** Something went wrong: the hub's message (already in the visitor's language), and what to try again. */
export interface QuizProblem {
  message: string;
  retry?: () => void;
}

type Request = HubConnection['request'];

export class QuizSession {
  screen = $state<QuizScreen>('attract');
  busy = $state(false);
  problem = $state.raw<QuizProblem | null>(null);
  challengeId = $state('');
  playerName = $state('');
  /** True when a scanned pass tied the challenge to a visitor. */
  visitor = $state(false);
  question = $state.raw<AskedQuestion | null>(null);
  feedback = $state.raw<QuizFeedback | null>(null);
  result = $state.raw<QuizResult | null>(null);
  /** Right or wrong, per question answered so far (the progress dots). */
  history = $state.raw<boolean[]>([]);
  score = $state(0);
  /** Playing from the kiosk's pack: the hub was away at the start or went away mid-way. */
  offline = $state(false);
  #offlineRun: OfflineChallenge | null = null;
  /** What the visitor missed so far, as each feedback showed it (for an offline result). */
  #missed: QuizResult['missed'] = [];
  #asked: string[] = [];

  /** Bumped by reset(): replies to an older generation are ignored. */
  #generation = 0;
  readonly #request: Request;
  readonly #onAnswered: (feedback: QuizFeedback) => void;

  readonly #online: () => boolean;
  readonly #offlineText: { passPlayer: string; noPack: string; wentOffline: string };

  constructor(
    request: Request,
    onAnswered: (feedback: QuizFeedback) => void = () => {},
    online: () => boolean = () => true,
    offlineText = { passPlayer: '', noPack: '', wentOffline: '' },
  ) {
    this.#request = request;
    this.#onAnswered = onAnswered;
    this.#online = online;
    this.#offlineText = offlineText;
  }

  /** Starts a challenge with a generated nickname or a scanned pass; from the pack when the hub is away. */
  async start(who: QuizStartRequest): Promise<void> {
    if (this.busy) return;
    if (!this.#online()) return this.#startOffline(who);
    const generation = this.#generation;
    const ack = await this.#send('quiz:start', who, () => void this.start(who));
    if (generation !== this.#generation) return;
    if (!ack) {
      if (this.problem && !this.#online()) {
        this.problem = null;
        this.#startOffline(who);
      }
      return;
    }
    this.#begin(ack.challengeId, ack.playerName, ack.visitor);
    this.#ask(ack.question);
  }

  #begin(challengeId: string, playerName: string, visitor: boolean) {
    this.challengeId = challengeId;
    this.playerName = playerName;
    this.visitor = visitor;
    this.history = [];
    this.score = 0;
    this.feedback = null;
    this.result = null;
    this.#missed = [];
    this.#asked = [];
  }

  #startOffline(who: QuizStartRequest) {
    const pack = quizPack.get();
    const offlineId = newOfflineId();
    // The set of questions already asked belongs to the plain offline run, not to any state shown.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const run = pack && new OfflineChallenge(pack, 0, new Set(), { offlineId, ...who });
    if (!run?.complete) {
      this.problem = { message: this.#offlineText.noPack };
      return;
    }
    this.#offlineRun = run;
    this.offline = true;
    this.#begin(offlineId, who.nickname ?? this.#offlineText.passPlayer, Boolean(who.pass));
    this.#ask(run.ask(0));
  }

  /** The hub went away mid-challenge: the rest comes from the pack (a fresh question in place of this one). */
  #continueOffline(question: AskedQuestion): boolean {
    const pack = quizPack.get();
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a plain run's own record, not shown state
    const run = pack && new OfflineChallenge(pack, question.index, new Set(this.#asked), { offlineId: newOfflineId(), continues: this.challengeId });
    if (!run?.complete) return false;
    this.#offlineRun = run;
    this.offline = true;
    this.problem = { message: this.#offlineText.wentOffline };
    this.#ask(run.ask(question.index));
    return true;
  }

  /** The visitor's answer (an empty choice: the time ran out). */
  async answer(choice: number[]): Promise<void> {
    const question = this.question;
    if (this.busy || this.screen !== 'question' || !question) return;
    const offlineRun = this.#offlineRun;
    if (offlineRun) return this.#showFeedback(question, choice, offlineRun.answer(question.index, choice, this.score));
    // Known to be away: no point waiting for an answer that cannot come.
    if (!this.#online() && this.#continueOffline(question)) return;
    const generation = this.#generation;
    const payload = { challengeId: this.challengeId, index: question.index, choice };
    this.busy = true;
    let ack = await this.#request('quiz:answer', payload);
    if (generation !== this.#generation) return;
    // Too late for the hub: the time is up, whatever the local clock said.
    if (!ack.ok && ack.code === 'QUIZ_TOO_LATE' && choice.length > 0) {
      choice = [];
      ack = await this.#request('quiz:answer', { ...payload, choice });
      if (generation !== this.#generation) return;
    }
    this.busy = false;
    if (!ack.ok) {
      // An answer whose reply was lost on the way is stored all the same: carry on from the next question.
      if (ack.code === 'QUIZ_ALREADY_ANSWERED') return this.#carryOn();
      if (ack.code === 'NO_ANSWER' && !this.#online() && this.#continueOffline(question)) return;
      this.problem = { message: ack.message, retry: this.#retryOr(ack.code, () => void this.answer(choice)) };
      return;
    }
    this.problem = null;
    this.#showFeedback(question, choice, ack.data);
  }

  #showFeedback(question: AskedQuestion, choice: number[], reply: QuizAnswerReply) {
    this.problem = null;
    this.feedback = { question, choice, reply };
    this.history = [...this.history, reply.correct];
    this.score = reply.score;
    if (!reply.correct) this.#missed.push({ prompt: question.prompt, options: question.options, answer: reply.answer, choice, explanation: reply.explanation });
    this.screen = 'feedback';
    this.#onAnswered(this.feedback);
  }

  /** From the feedback: the next question, or the result after the last one. */
  async next(): Promise<void> {
    const feedback = this.feedback;
    if (this.busy || this.screen !== 'feedback' || !feedback) return;
    const challengeId = this.challengeId;
    const offlineRun = this.#offlineRun;
    if (offlineRun) {
      if (!feedback.reply.last) return this.#ask(offlineRun.ask(feedback.question.index + 1));
      this.result = offlineRun.finish({ playerName: this.playerName, score: this.score, correct: this.history.filter(Boolean).length, missed: this.#missed });
      this.#offlineRun = null;
      this.screen = 'results';
      return;
    }
    if (feedback.reply.last) {
      await this.#finish();
    } else {
      const ack = await this.#send('quiz:next', { challengeId }, () => void this.next());
      if (ack) this.#ask(ack);
    }
  }

  /** Back to the attract screen, the visitor forgotten. */
  reset(): void {
    this.#generation++;
    this.screen = 'attract';
    this.busy = false;
    this.problem = null;
    this.challengeId = '';
    this.playerName = '';
    this.visitor = false;
    this.question = null;
    this.feedback = null;
    this.result = null;
    this.history = [];
    this.score = 0;
    this.offline = false;
    this.#offlineRun = null;
    this.#missed = [];
    this.#asked = [];
  }

  dismissProblem(): void {
    this.problem = null;
  }

  async #finish(): Promise<void> {
    const ack = await this.#send('quiz:result', { challengeId: this.challengeId }, () => void this.#finish());
    if (!ack) return;
    this.result = ack;
    this.score = ack.score;
    this.screen = 'results';
  }

  /** After an answer the hub has but this kiosk never heard back about: the next question, or the result. */
  async #carryOn(): Promise<void> {
    const generation = this.#generation;
    this.busy = true;
    const ack = await this.#request('quiz:next', { challengeId: this.challengeId });
    if (generation !== this.#generation) return;
    this.busy = false;
    if (ack.ok) {
      this.problem = null;
      this.#ask(ack.data);
    } else if (ack.code === 'QUIZ_FINISHED') await this.#finish();
    else this.problem = { message: ack.message, retry: this.#retryOr(ack.code, () => void this.#carryOn()) };
  }

  /** A challenge the hub no longer knows cannot be retried: the way on is a fresh start. */
  #retryOr(code: string, retry: () => void): () => void {
    return code === 'QUIZ_UNKNOWN_CHALLENGE' ? () => this.reset() : retry;
  }

  #ask(question: AskedQuestion): void {
    this.#asked.push(question.id);
    this.question = question;
    this.screen = 'question';
  }

  /** Sends a command while marked busy; null (and a problem to show) when it failed or was overtaken by a reset. */
  async #send<C extends 'quiz:start' | 'quiz:next' | 'quiz:result'>(
    command: C,
    payload: CommandRequest<C>,
    retry: () => void,
  ): Promise<CommandReply<C> | null> {
    const generation = this.#generation;
    this.busy = true;
    const ack = await this.#request(command, payload);
    if (generation !== this.#generation) return null;
    this.busy = false;
    if (!ack.ok) {
      this.problem = { message: ack.message, retry: this.#retryOr(ack.code, retry) };
      return null;
    }
    this.problem = null;
    return ack.data;
  }
}
