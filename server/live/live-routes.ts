import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import ExcelJS from 'exceljs';
import { LiveSessionId } from '../../shared/live.ts';
import { rankByScore } from '../../shared/live-scoring.ts';
import type { LiveService } from './live-service.ts';

/**
 * A live session's results for the organisers: per player, per team, and per question — how
 * many got each one right, which is what the audience has not learned yet.
 */
export async function liveRoutes(app: FastifyInstance, opts: { live: LiveService }): Promise<void> {
  app.get<{ Params: { sessionId: string } }>(
    '/api/live/:sessionId/results.xlsx',
    { config: { action: 'live:results' }, schema: { params: Type.Object({ sessionId: LiveSessionId }) } },
    async (request, reply) => {
      const { session, questions, players, answers } = opts.live.results(request.params.sessionId);
      const book = new ExcelJS.Workbook();
      const sheet = (name: string, header: string[], rows: (string | number)[][]) => {
        const ws = book.addWorksheet(name);
        ws.addRow(header).font = { bold: true };
        ws.views = [{ state: 'frozen', ySplit: 1 }];
        rows.forEach((row) => ws.addRow(row));
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
          return [index + 1, question?.prompt.zh ?? session.settings.questionIds[index] ?? '', given.length, right, given.length ? Math.round((right / given.length) * 100) : 0];
        }),
      );
      const file = Buffer.from(await book.xlsx.writeBuffer());
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="eventday-live-${session.id}.xlsx"`)
        .send(file);
    },
  );
}
