import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { BankQuestion, QuestionId } from '../../shared/quiz.ts';
import { errorMessage } from '../../shared/errors.ts';
import { HubError } from '../hub-error.ts';
import { checkBank, describeProblem, type BankProblem } from './bank-check.ts';
import { readBankFile, writeBankFile } from './bank-files.ts';
import { BANK_IMAGES_DIR, bankImageExists } from './builtin-bank.ts';
import type { QuestionStore } from './question-store.ts';
import type { Db } from '../store/database.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { actorOf } from '../auth/identity.ts';

const IMPORT_LIMIT_BYTES = 5 * 1024 * 1024;
const FORMATS = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8', json: 'application/json' } as const;

const problemView = (problem: BankProblem) => ({ ...problem, message: describeProblem(problem) });

/**
 * The question bank for organisers: list, edit or retire one question, import a file (every bad
 * row reported by line and reason; nothing taken from a file with errors unless the admin asks
 * for the good rows), export it in the same layout. The sign pictures are public.
 */
export async function bankRoutes(app: FastifyInstance, opts: { questions: QuestionStore; db: Db }): Promise<void> {
  const { questions, db } = opts;
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT_BYTES }, (_request, body, done) => done(null, body));

  app.get<{ Params: { file: string } }>(
    '/quiz-images/:file',
    { schema: { params: Type.Object({ file: Type.String({ pattern: '^[a-z0-9-]+\\.svg$' }) }) } },
    (request, reply) => {
      if (!bankImageExists(request.params.file)) throw new HubError('NOT_FOUND', request.params.file);
      return reply
        .type('image/svg+xml')
        .header('cache-control', 'public, max-age=86400')
        .send(fs.readFileSync(path.join(BANK_IMAGES_DIR, request.params.file)));
    },
  );

  app.get('/api/bank', { config: { action: 'bank:list' } }, () => {
    const all = questions.all();
    return { questions: all, playable: questions.playable().length };
  });

  app.get<{ Params: { format: keyof typeof FORMATS } }>(
    '/api/bank/export.:format',
    { config: { action: 'bank:list' }, schema: { params: Type.Object({ format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv'), Type.Literal('json')]) }) } },
    async (request, reply) => {
      const file = await writeBankFile(questions.all(), request.params.format);
      return reply
        .type(FORMATS[request.params.format])
        .header('content-disposition', `attachment; filename="eventday-questions.${request.params.format}"`)
        .send(file);
    },
  );

  app.put<{ Params: { id: string }; Body: BankQuestion }>(
    '/api/bank/questions/:id',
    { config: { action: 'bank:edit' }, schema: { params: Type.Object({ id: QuestionId }), body: BankQuestion } },
    (request, reply) => {
      if (request.body.id !== request.params.id) throw new HubError('BAD_PAYLOAD', 'the id in the address and in the body differ');
      const others = questions.all().filter((question) => question.id !== request.params.id);
      const report = checkBank([{ at: request.params.id, value: request.body }], { imageExists: bankImageExists, known: others });
      if (report.problems.length > 0) {
        return reply.status(400).send({ code: 'BAD_PAYLOAD', message: errorMessage('BAD_PAYLOAD'), detail: describeProblem(report.problems[0]!), problems: report.problems.map(problemView) });
      }
      questions.save(report.questions);
      recordAudit(db, actorOf(request.identity, request.ip), request.body.retired ? 'bank:retire' : 'bank:edit', `question:${request.params.id}`);
      return report.questions[0];
    },
  );

  app.post<{ Querystring: { name: string; takeGood?: 'true' | 'false' }; Body: Buffer }>(
    '/api/bank/import',
    {
      config: { action: 'bank:edit' },
      bodyLimit: IMPORT_LIMIT_BYTES,
      schema: { querystring: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), takeGood: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])) }, { additionalProperties: false }) },
    },
    async (request, reply) => {
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
      recordAudit(db, actorOf(request.identity, request.ip), 'bank:import', request.query.name, { imported: report.questions.length, skipped: problems.length });
      request.log.info({ imported: report.questions.length, skipped: problems.length }, 'questions imported');
      return { imported: report.questions.length, skipped: problems.length, problems, playable: questions.playable().length };
    },
  );
}
