import ExcelJS from 'exceljs';
import { liveHttp } from '../../shared/live.ts';
import { rankByScore } from '../../shared/live-scoring.ts';
import type { CheckinService } from '../checkin/checkin-service.ts';
import { commands, defineDomain, type HubCore } from '../domain.ts';
import { HubError } from '../hub-error.ts';
import type { QuestionStore } from '../quiz/question-store.ts';
import type { HubSocket } from '../realtime/socket-server.ts';
import { publicName } from '../visitors/visitor-queries.ts';
import { serve } from '../web/serve.ts';
import { createLiveService, type LivePublisher } from './live-service.ts';
import { createPlayerTokens } from './player-token.ts';
import { safeRow } from '../web/spreadsheet-cells.ts';

const liveRoom = (sessionId: string) => `live:${sessionId}`;
/** Screens and consoles following a session (not its phones): they get every count. */
const watchRoom = (sessionId: string) => `live-watch:${sessionId}`;
const playerRoom = (playerId: string) => `live-player:${playerId}`;

/** The live stage quiz: the MC's commands, screens following, phones joining and answering, the results file. */
export function liveDomain(core: HubCore, deps: { questions: QuestionStore; checkin: CheckinService }) {
  const { db, broadcast } = core;
  // Rooms: everyone in a session gets its state and counts; each player's sockets get their own result.
  const publish: LivePublisher = {
    state: (state) => broadcast(liveRoom(state.sessionId), 'live:state', state),
    count: (count, toPlayers) => broadcast(toPlayers ? liveRoom(count.sessionId) : watchRoom(count.sessionId), 'live:count', count),
    you: (playerId, you) => broadcast(playerRoom(playerId), 'live:you', you),
  };
  const live = createLiveService(db, deps.questions, createPlayerTokens(db), publish, core.log, core.clock);
  const visitor = db.prepare('SELECT nickname, real_name, show_real_name, unit FROM visitors WHERE id = ?');
  const joinPlayer = <J extends { state: { sessionId: string }; you: { playerId: string } }>(socket: HubSocket, joined: J): J => {
    void socket.join([liveRoom(joined.state.sessionId), playerRoom(joined.you.playerId)]);
    return joined;
  };

  return defineDomain({
    name: 'live',
    service: live,
    commands: commands<
      | 'live:create'
      | 'live:list'
      | 'live:watch'
      | 'live:control'
      | 'live:players'
      | 'live:questions'
      | 'live:upcoming'
      | 'live:player'
      | 'live:join'
      | 'live:rejoin'
      | 'live:answer'
    >({
      'live:create': {
        run: (settings, { actor, socket }) => {
          const state = live.create(settings, actor);
          void socket.join([liveRoom(state.sessionId), watchRoom(state.sessionId)]);
          return state;
        },
      },
      'live:list': { run: () => live.list() },
      'live:watch': {
        run: ({ sessionId }, { socket }) => {
          const state = live.state(sessionId);
          void socket.join([liveRoom(sessionId), watchRoom(sessionId)]);
          return state;
        },
      },
      'live:control': { run: ({ sessionId, action, step }, { actor }) => live.control(sessionId, action, step, actor) },
      'live:players': { run: ({ sessionId }) => live.players(sessionId) },
      'live:questions': { run: () => live.questionChoices() },
      'live:upcoming': { run: ({ sessionId }) => live.upcoming(sessionId) },
      'live:player': {
        run: ({ sessionId, playerId, name, remove }, { actor }) =>
          live.rename(sessionId, playerId, { ...(name ? { name } : {}), ...(remove ? { remove } : {}) }, actor),
      },
      'live:join': {
        run: (request, { identity, socket }) => {
          let visitorId: string | null = null;
          let row: ({ unit: string | null } & Parameters<typeof publicName>[0]) | undefined;
          if (request.pass) {
            const check = deps.checkin.identify(request.pass);
            if (!check.ok) throw new HubError('PASS_INVALID', check.reason);
            visitorId = check.visitorId;
            row = visitor.get(visitorId) as typeof row;
          }
          const joined = live.join(request, {
            ip: socket.handshake.address,
            visitorId,
            visitorName: row ? publicName(row) : null,
            visitorUnit: row?.unit ?? null,
            deviceVenueId: identity.kind === 'device' ? identity.device.venueId : null,
          });
          return joinPlayer(socket, joined);
        },
      },
      'live:rejoin': { run: ({ token }, { socket }) => joinPlayer(socket, live.rejoin(token)) },
      'live:answer': { run: ({ token, index, choice }) => live.answer(token, index, choice) },
    }),
    start: () => live.resumeTimers(),
    stop: () => live.stop(),
    dataReplaced: () => live.forgetSessions(),
    /**
     * A live session's results for the organisers: per player, per team, and per question — how
     * many got each one right, which is what the audience has not learned yet.
     */
    async routes(app) {
      serve(app, liveHttp.results, { action: 'live:results' }, async (request, reply) => {
        const { session, questions, players, answers } = live.results(request.params.sessionId);
        const book = new ExcelJS.Workbook();
        const sheet = (name: string, header: string[], rows: (string | number)[][]) => {
          const ws = book.addWorksheet(name);
          ws.addRow(header).font = { bold: true };
          ws.views = [{ state: 'frozen', ySplit: 1 }];
          rows.forEach((row) => ws.addRow(safeRow(row)));
          ws.columns.forEach((column) => (column.width = 18));
        };
        const active = players.filter((player) => player.removed_at === null);
        sheet(
          '选手 Players',
          ['名次 Rank', '昵称 Name', '队伍 Team', '得分 Score', '答对 Correct'],
          rankByScore(active).map((p) => [p.rank, p.name, p.team ?? '', p.score, p.correct]),
        );
        const teams = new Map<string, { score: number; players: number }>();
        for (const player of active) {
          if (!player.team) continue;
          const team = teams.get(player.team) ?? { score: 0, players: 0 };
          teams.set(player.team, { score: team.score + player.score, players: team.players + 1 });
        }
        sheet(
          '队伍 Teams',
          ['队伍 Team', '总分 Score', '人数 Players', '平均 Average'],
          [...teams].sort((a, b) => b[1].score - a[1].score).map(([team, t]) => [team, t.score, t.players, Math.round(t.score / t.players)]),
        );
        sheet(
          '题目 Questions',
          ['题号 No.', '题干 Question', '作答 Answered', '答对 Right', '答对率 Right %'],
          questions.map((question, index) => {
            const given = answers.filter((answer) => answer.idx === index);
            const right = given.filter((answer) => answer.correct).length;
            return [
              index + 1,
              question?.prompt.zh ?? session.settings.questionIds[index] ?? '',
              given.length,
              right,
              given.length ? Math.round((right / given.length) * 100) : 0,
            ];
          }),
        );
        const file = Buffer.from(await book.xlsx.writeBuffer());
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="eventday-live-${session.id}.xlsx"`)
          .send(file);
      });
    },
  });
}
