import { randomBytes } from 'node:crypto';
import type { Db } from '../store/database.ts';
import type { DrawListReply, DrawPoolsReply, DrawRecordView, DrawRunRequest, DrawScreenState, DrawVerifyReply } from '../../shared/draw.ts';
import { HubError } from '../hub-error.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Actor } from '../auth/identity.ts';
import { eventDay } from '../checkin/checkin-rules.ts';
import { canonicalPool, CRYPTO_RANDOM, pickWinners, poolHash, rollingSample, verifyDraw, type RandomSource } from './draw-rules.ts';
import { createPoolQueries, type PoolMember } from './draw-pools.ts';
import { createDrawStore, type DrawRow } from './draw-store.ts';

/** Masked names the screens roll through before the reveal. */
const SAMPLE_SIZE = 40;
/** After the reveal, one winner lands on the screens every so often. */
const DRAW_LAND_EVERY_MS = 1400;

export interface DrawPublisher {
  state(state: DrawScreenState): void;
}

/**
 * The prize draw, kept by the hub: the pool is read, fingerprinted and stored with the winners in
 * one transaction before the MC's press is acknowledged; the screens get masked names only, and
 * the winners only once the MC reveals them. `random` is node:crypto's, except in a test.
 */
export function createDrawService(db: Db, publish: DrawPublisher, random: RandomSource = CRYPTO_RANDOM, now = Date.now) {
  const store = createDrawStore(db);
  const pools = createPoolQueries(db);

  function load(drawId: string): DrawRow {
    const draw = store.draw(drawId);
    if (!draw) throw new HubError('DRAW_UNKNOWN', drawId);
    return draw;
  }

  /** The pool as it would be drawn now: earlier winners of the day left out unless asked. */
  function eligible(members: PoolMember[], day: string, includePastWinners: boolean): PoolMember[] {
    if (includePastWinners) return members;
    const past = store.pastWinners(day);
    return members.filter((member) => !past.has(member.memberId));
  }

  function recordView(draw: DrawRow, full: boolean): DrawRecordView {
    return {
      drawId: draw.id,
      revision: draw.revision,
      day: draw.day,
      prize: draw.prize,
      pool: draw.pool,
      poolSize: draw.poolSize,
      poolHash: draw.poolHash,
      randomSource: draw.randomSource,
      count: draw.count,
      includePastWinners: draw.includePastWinners,
      createdAt: draw.createdAt,
      createdBy: draw.createdBy,
      revealedAt: draw.revealedAt,
      winners: store.winners(draw.id).map((winner) => ({ ...winner, ...(full ? pools.fullContact(winner.memberId) : {}) })),
    };
  }

  function screenState(draw: DrawRow): DrawScreenState {
    return {
      drawId: draw.id,
      revision: draw.revision,
      prize: draw.prize,
      poolKind: draw.pool.kind,
      poolSize: draw.poolSize,
      count: draw.count,
      sample: draw.sample,
      revealedAt: draw.revealedAt,
      landEveryMs: DRAW_LAND_EVERY_MS,
      // Nothing of the winners before the reveal, not even masked.
      winners: draw.revealedAt === null ? [] : store.winners(draw.id).map(({ position, name, mobile }) => ({ position, name, mobile })),
      serverNow: now(),
    };
  }

  return {
    pools(includePastWinners: boolean): DrawPoolsReply {
      const day = eventDay(now());
      const size = (pool: Parameters<typeof pools.members>[0]) => eligible(pools.members(pool, day), day, includePastWinners).length;
      return {
        revision: store.revision(),
        day,
        pastWinners: store.pastWinners(day).size,
        all: { checkedIn: size({ kind: 'checked-in' }), passport: size({ kind: 'passport' }) },
        venues: pools.venues().map((venue) => ({
          venueId: venue.id,
          name: venue.name,
          nameEn: venue.name_en,
          checkedIn: size({ kind: 'checked-in', venueId: venue.id }),
          passport: size({ kind: 'passport', venueId: venue.id }),
        })),
        quizRanked: pools.quizRanked(day),
        live: pools.liveSessions(),
      };
    },

    run(request: DrawRunRequest, actor: Actor, full: boolean): DrawRecordView {
      const at = now();
      const day = eventDay(at);
      const prize = request.prize.trim();
      if (!prize) throw new HubError('DRAW_PRIZE_INVALID', 'the prize has no name');
      const includePastWinners = request.includePastWinners ?? false;
      const id = `D${randomBytes(4).toString('hex')}`;
      // One transaction: the revision check, the pool as read, the winners and the audit line.
      db.transaction(() => {
        const revision = store.revision();
        if (request.revision !== revision) throw new HubError('DRAW_STALE', `the draws are at revision ${revision}, the press was for ${request.revision}`);
        const members = eligible(pools.members(request.pool, day), day, includePastWinners);
        const byId = new Map(members.map((member) => [member.memberId, member]));
        const ids = canonicalPool([...byId.keys()]);
        const pick = pickWinners(ids, request.count, random);
        if (!pick.ok) throw new HubError(pick.reason === 'empty-pool' ? 'DRAW_EMPTY_POOL' : 'DRAW_TOO_MANY', pick.detail);
        const hash = poolHash(ids);
        store.insert(
          {
            id,
            day,
            prize,
            pool: request.pool,
            includePastWinners,
            poolSize: ids.length,
            poolHash: hash,
            members: ids,
            count: request.count,
            randomSource: random.name,
            sample: rollingSample(members, SAMPLE_SIZE, random).map((member) => member.name),
            createdBy: actor.name || actor.kind,
            createdAt: at,
          },
          pick.winners.map((memberId, position) => ({ position, memberId, name: byId.get(memberId)!.name, mobile: byId.get(memberId)!.mobile })),
        );
        recordAudit(db, actor, 'draw:run', `draw:${id}`, { prize, pool: request.pool, poolSize: ids.length, poolHash: hash, winners: pick.winners }, at);
      })();
      const draw = load(id);
      publish.state(screenState(draw));
      return recordView(draw, full);
    },

    reveal(drawId: string, revision: number, actor: Actor, full: boolean): DrawRecordView {
      const draw = load(drawId);
      if (draw.revealedAt !== null) throw new HubError('DRAW_ALREADY_REVEALED', drawId);
      if (revision !== draw.revision) throw new HubError('DRAW_STALE', `the draw is at revision ${draw.revision}, the press was for ${revision}`);
      const at = now();
      db.transaction(() => {
        if (!store.reveal(drawId, at)) throw new HubError('DRAW_ALREADY_REVEALED', drawId);
        recordAudit(db, actor, 'draw:reveal', `draw:${drawId}`, {}, at);
      })();
      const revealed = load(drawId);
      publish.state(screenState(revealed));
      return recordView(revealed, full);
    },

    list: (full: boolean): DrawListReply => ({ revision: store.revision(), draws: store.list().map((draw) => recordView(draw, full)) }),

    watch: (drawId: string): DrawScreenState => screenState(load(drawId)),

    verify(drawId: string): DrawVerifyReply {
      const draw = load(drawId);
      const check = verifyDraw({ ...draw, winners: store.winners(drawId).map((winner) => winner.memberId) });
      return { drawId, ok: check.ok, poolSize: draw.poolSize, poolHash: draw.poolHash, recomputedHash: check.recomputedHash, problems: check.problems };
    },

    /** The whole record without a name in it: the pool's member ids, its hash and the winners' ids, for anyone to check. */
    record(drawId: string) {
      const draw = load(drawId);
      return {
        drawId: draw.id,
        day: draw.day,
        prize: draw.prize,
        pool: draw.pool,
        includePastWinners: draw.includePastWinners,
        poolSize: draw.poolSize,
        poolHash: draw.poolHash,
        hashOf: 'SHA-256 of the member ids below, joined with "\\n" (they are sorted)',
        members: draw.members,
        randomSource: draw.randomSource,
        winners: store.winners(drawId).map((winner) => ({ position: winner.position, memberId: winner.memberId })),
        createdAt: draw.createdAt,
        createdBy: draw.createdBy,
        revealedAt: draw.revealedAt,
      };
    },
  };
}
