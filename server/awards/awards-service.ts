import type { Db } from '../store/database.ts';
import type { AwardAction, AwardCategoryInput, AwardsImportReply, AwardsList, AwardsState } from '../../shared/awards.ts';
import { HubError } from '../hub-error.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Actor } from '../auth/identity.ts';
import { ceremonySteps, ceremonyView, checkAwardList, clampStep, moveCeremony, type Category } from './awards-rules.ts';
import { createAwardsStore } from './awards-store.ts';
import { readAwardsFile } from './awards-file.ts';

export interface AwardsPublisher {
  state(state: AwardsState): void;
}

/** Thrown by an import with bad rows when the good ones were not asked for: the report goes back whole. */
export class AwardsImportRefused extends HubError {
  constructor(readonly report: Omit<AwardsImportReply, 'revision'>) {
    super('AWARDS_IMPORT_HAS_ERRORS', `${report.problems.length} bad rows`);
  }
}

/**
 * The award ceremony, kept by the hub: the list (admins enter or import it), and the step the MC
 * has clicked to, stored with a revision. Everyone who watches gets the view of that step, which
 * holds the winners revealed so far and no other name.
 */
export function createAwardsService(db: Db, publish: AwardsPublisher, now = Date.now) {
  const store = createAwardsStore(db);

  function state(): AwardsState {
    const { step, revision } = store.ceremony();
    return ceremonyView(store.categories(), step, revision);
  }

  function checkRevision(revision: number) {
    const current = store.ceremony().revision;
    if (revision !== current) throw new HubError('AWARDS_STALE', `the ceremony is at revision ${current}, the press was for ${revision}`);
  }

  /** Stores a new list; the ceremony keeps its step (a typo fixed mid-ceremony does not restart it). */
  function replace(categories: Category[], actor: Actor, action: string, detail: object) {
    db.transaction(() => {
      store.replace(categories);
      const { step } = store.ceremony();
      store.move(clampStep(step, ceremonySteps(categories).length), now());
      recordAudit(db, actor, action, 'awards', { categories: categories.length, winners: categories.reduce((sum, c) => sum + c.winners.length, 0), ...detail });
    })();
    publish.state(state());
  }

  function list(): AwardsList {
    return { revision: store.ceremony().revision, categories: store.categories().map(({ id, ...category }) => ({ categoryId: id, ...category })) };
  }

  return {
    state,
    list,

    save(input: AwardCategoryInput[], revision: number, actor: Actor): AwardsList {
      checkRevision(revision);
      const checked = checkAwardList(input);
      if (!checked.ok) throw new HubError('AWARDS_INVALID', checked.problems.join('; '));
      replace(checked.categories, actor, 'awards:save', {});
      return list();
    },

    step(action: AwardAction, revision: number, actor: Actor): AwardsState {
      checkRevision(revision);
      const categories = store.categories();
      const { step } = store.ceremony();
      const move = moveCeremony(step, ceremonySteps(categories).length, action);
      if (!move.ok) throw new HubError('AWARDS_WRONG_STEP', move.why);
      db.transaction(() => {
        store.move(move.step, now());
        recordAudit(db, actor, 'awards:step', 'awards', { action, step: move.step });
      })();
      const next = state();
      publish.state(next);
      return next;
    },

    /** A whole list from a spreadsheet; with bad rows nothing is taken unless `takeGood`. */
    async importFile(bytes: Buffer, fileName: string, takeGood: boolean, actor: Actor): Promise<AwardsImportReply> {
      const read = await readAwardsFile(bytes, fileName);
      if (!read.ok) throw new HubError(read.code, read.detail);
      const report = { categories: read.categories.length, winners: read.winners, skipped: read.problems.length, problems: read.problems };
      if (read.problems.length > 0 && !takeGood) throw new AwardsImportRefused(report);
      if (read.categories.length === 0)
        throw new AwardsImportRefused({ ...report, problems: [{ line: 1, reason: '文件中没有获奖者 / the file holds no winner' }] });
      replace(read.categories, actor, 'awards:import', { file: fileName, skipped: read.problems.length });
      return { ...report, revision: store.ceremony().revision };
    },
  };
}
