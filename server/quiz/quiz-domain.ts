import fs from 'node:fs';
import path from 'node:path';
import { bankHttp, type Leaderboard } from '../../shared/quiz.ts';
import { errorMessage } from '../../shared/errors.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { actorOf, type Identity } from '../auth/identity.ts';
import type { CheckinService } from '../checkin/checkin-service.ts';
import { eventDay } from '../checkin/checkin-rules.ts';
import { commands, defineDomain, type HubCore } from '../domain.ts';
import { HubError } from '../hub-error.ts';
import { createThrottledFeed } from '../realtime/throttled-feed.ts';
import { acceptFiles } from '../web/accept-files.ts';
import { serve } from '../web/serve.ts';
import { checkBank, describeProblem, type BankProblem } from './bank-check.ts';
import { readBankFile, writeBankFile } from './bank-files.ts';
import { BANK_IMAGES_DIR, bankImageExists, builtinBankItems } from './builtin-bank.ts';
import { createChallengeService, type Player } from './challenge-service.ts';
import { createLeaderboardQueries, LEADERBOARD_ROOM } from './leaderboard.ts';
import { createQuestionStore } from './question-store.ts';

const IMPORT_LIMIT_BYTES = 5 * 1024 * 1024;
const FORMATS = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
} as const;
const problemView = (problem: BankProblem) => ({ ...problem, message: describeProblem(problem) });

/**
 * The safety challenge at kiosks and on phones (ten questions, timed and scored on the hub), the
 * day's leaderboards, and the question bank organisers keep. Starting with a pass (QR or short
 * code) ties the score to the visitor and stamps the venue's quiz station, if it has one.
 */
export function quizDomain(core: HubCore, deps: { checkin: CheckinService }) {
  const { db, clock } = core;
  const questions = createQuestionStore(db, clock.now);
  questions.seedBuiltin(checkBank(builtinBankItems(), { imageExists: bankImageExists }).questions);
  const leaderboards = createLeaderboardQueries(db);
  const feed = createThrottledFeed<Leaderboard>(
    (revision) => leaderboards.read(eventDay(clock.now()), revision),
    (board) => core.broadcast(LEADERBOARD_ROOM, 'leaderboard:update', board),
    500,
    clock,
  );
  const challenges = createChallengeService(db, questions, feed.changed, clock.now);
  const quizStation = db.prepare("SELECT id FROM checkpoints WHERE venue_id = ? AND id = ? || '-quiz'").pluck();

  /** The player behind a command: the visitor a pass names (or a nickname), at this device's venue. */
  function playerOf(identity: Identity, nickname: string | undefined, pass: string | undefined): Player {
    const device = identity.kind === 'device' ? identity.device : null;
    let visitorId: string | null = null;
    if (pass) {
      const check = deps.checkin.identify(pass);
      if (!check.ok) throw new HubError('PASS_INVALID', check.reason);
      visitorId = check.visitorId;
    }
    return { visitorId, nickname, deviceId: device?.id ?? null, venueId: device?.venueId ?? null };
  }

  return defineDomain({
    name: 'quiz',
    questions,
    commands: commands<'quiz:start' | 'quiz:next' | 'quiz:answer' | 'quiz:result' | 'quiz:pack' | 'quiz:upload' | 'leaderboard:watch' | 'leaderboard:hide'>({
      'quiz:start': {
        run: async ({ nickname, pass }, { identity }) => {
          const player = playerOf(identity, nickname, pass);
          const device = identity.kind === 'device' ? identity.device : null;
          const started = challenges.start(player);
          const station = device && player.visitorId ? (quizStation.get(device.venueId, device.venueId) as string | undefined) : undefined;
          if (device && station && pass) {
            await deps.checkin.scan({
              scanId: `quiz-${started.challengeId}`,
              pass,
              checkpointId: station,
              scannedAt: clock.now(),
              offline: false,
              deviceId: device.id,
            });
          }
          return started;
        },
      },
      'quiz:next': { run: ({ challengeId }) => challenges.next(challengeId) },
      'quiz:answer': { run: ({ challengeId, index, choice }) => challenges.answer(challengeId, index, choice) },
      'quiz:result': { run: ({ challengeId }) => challenges.result(challengeId) },
      'quiz:pack': { run: () => challenges.pack() },
      'quiz:upload': { run: (request, { identity }) => challenges.upload(playerOf(identity, request.nickname, request.pass), request) },
      'leaderboard:watch': {
        run: (_request, { socket }) => {
          void socket.join(LEADERBOARD_ROOM);
          return feed.snapshot();
        },
      },
      'leaderboard:hide': {
        run: ({ challengeId, hidden }, { actor }) => {
          leaderboards.setHidden(challengeId, hidden, actor, clock.now());
          feed.changed();
          return feed.snapshot();
        },
      },
    }),
    stop: feed.stop,
    /**
     * The question bank for organisers: list, edit or retire one question, import a file (every bad
     * row reported by line and reason; nothing taken from a file with errors unless the admin asks
     * for the good rows), export it in the same layout. The sign pictures are public.
     */
    async routes(app) {
      acceptFiles(app, IMPORT_LIMIT_BYTES);
      serve(app, bankHttp.image, {}, (request, reply) => {
        if (!bankImageExists(request.params.file)) throw new HubError('NOT_FOUND', request.params.file);
        return reply
          .type('image/svg+xml')
          .header('cache-control', 'public, max-age=86400')
          .send(fs.readFileSync(path.join(BANK_IMAGES_DIR, request.params.file)));
      });
      serve(app, bankHttp.list, { action: 'bank:list' }, () => ({ questions: questions.all(), playable: questions.playable().length }));
      serve(app, bankHttp.export, { action: 'bank:list' }, async (request, reply) => {
        const file = await writeBankFile(questions.all(), request.params.format);
        return reply
          .type(FORMATS[request.params.format])
          .header('content-disposition', `attachment; filename="eventday-questions.${request.params.format}"`)
          .send(file);
      });
      serve(app, bankHttp.save, { action: 'bank:edit' }, (request, reply) => {
        if (request.body.id !== request.params.id) throw new HubError('BAD_PAYLOAD', 'the id in the address and in the body differ');
        const others = questions.all().filter((question) => question.id !== request.params.id);
        const report = checkBank([{ at: request.params.id, value: request.body }], { imageExists: bankImageExists, known: others });
        if (report.problems.length > 0) {
          return reply.status(400).send({
            code: 'BAD_PAYLOAD',
            message: errorMessage('BAD_PAYLOAD'),
            detail: describeProblem(report.problems[0]!),
            problems: report.problems.map(problemView),
          });
        }
        questions.save(report.questions);
        recordAudit(db, actorOf(request.identity, request.ip), request.body.retired ? 'bank:retire' : 'bank:edit', `question:${request.params.id}`);
        return report.questions[0]!;
      });
      serve(app, bankHttp.import, { action: 'bank:edit', bodyLimit: IMPORT_LIMIT_BYTES }, async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw new HubError('BAD_PAYLOAD', 'send the file as application/octet-stream');
        const read = await readBankFile(request.body, request.query.name);
        if (!read.ok) throw new HubError(read.code, read.detail);
        // An imported question replaces the bank's one of the same id; a new prompt must not repeat another question's.
        const incoming = new Set(read.items.map((item) => (item.value as { id?: unknown })?.id));
        const report = checkBank(read.items, { imageExists: bankImageExists, known: questions.all().filter((q) => !incoming.has(q.id)) });
        const problems = report.problems.map(problemView);
        if (problems.length > 0 && request.query.takeGood !== 'true') {
          return reply.status(400).send({
            code: 'BANK_IMPORT_HAS_ERRORS',
            message: errorMessage('BANK_IMPORT_HAS_ERRORS'),
            detail: `${problems.length} bad of ${read.items.length}`,
            problems,
            good: report.questions.length,
          });
        }
        questions.save(report.questions);
        recordAudit(db, actorOf(request.identity, request.ip), 'bank:import', request.query.name, {
          imported: report.questions.length,
          skipped: problems.length,
        });
        request.log.info({ imported: report.questions.length, skipped: problems.length }, 'questions imported');
        return { imported: report.questions.length, skipped: problems.length, problems, playable: questions.playable().length };
      });
    },
  });
}
