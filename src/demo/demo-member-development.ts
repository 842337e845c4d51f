/**
 * Demo 发展党员 pipeline: the demo's 发展党员 ledger imported as history (the same data step a
 * town runs, development.import.ts), then the steps a branch would have taken since, each through
 * the engine with its guards: 谈话 within the month, 培养联系人 for most activists, 政治审查 and
 * 公示 for some 发展对象, 入党宣誓 and, once the 预备期 is over, 转正 for the 预备党员. Some stay
 * undone, so reminders have a handful of items (the ledger holds recent early stages only:
 * demo-profiles-development.ts).
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.ts';
import { localInstant } from '../core/calendar/local-time.ts';
import type { DB } from '../db/schema.ts';
import { importLedger } from '../domains/party-development/development.import.ts';
import { fireStep } from '../domains/party-development/development.service.ts';
import { shift, type DemoClock } from './demo-clock.ts';
import * as repo from './demo-member-development.repository.ts';
import type { SeededRandom } from './random.ts';

const TALKERS = ['王建国', '刘玉兰', '陈志强', '赵红梅'];
const SPONSORS = ['周立新', '孙桂芳', '马德明', '黄丽萍', '吴振华', '郭秀珍'];

interface Plan {
  action: string;
  /** Days after the stage date the step happened on. */
  after: [number, number];
  p: number;
  payload: (on: string, rng: SeededRandom) => Record<string, unknown>;
}

const pick = <T>(rng: SeededRandom, xs: readonly T[]) => xs[rng.int(0, xs.length - 1)]!;

const PLANS: Record<string, Plan[]> = {
  applicant: [
    {
      action: 'talk',
      after: [6, 26],
      p: 0.9,
      payload: (on, rng) => ({ talkedOn: on, talkedBy: pick(rng, TALKERS) }),
    },
  ],
  activist: [
    {
      action: 'assign_sponsor',
      after: [5, 20],
      p: 0.9,
      payload: (on, rng) => ({
        sponsorNames: [pick(rng, SPONSORS.slice(0, 3)), pick(rng, SPONSORS.slice(3))],
        sponsoredOn: on,
      }),
    },
  ],
  candidate: [
    {
      action: 'political_review',
      after: [15, 40],
      p: 0.7,
      payload: (on) => ({ reviewedOn: on, reviewResult: '合格' }),
    },
    {
      action: 'publicize',
      after: [45, 50],
      p: 0.6,
      payload: (on) => ({ publicFrom: on, publicTo: shift(on, 6) }),
    },
  ],
  probationary: [
    { action: 'oath', after: [7, 30], p: 0.97, payload: (on) => ({ oathOn: on }) },
    // 预备期满 (a year from the 支部大会, the stage date of an imported row), discussed at one of
    // the next branch meetings: a 预备党员 whose year ran out days ago still waits for it.
    {
      action: 'confirm',
      after: [376, 406],
      p: 0.95,
      payload: (on) => ({ confirmedOn: on }),
    },
  ],
};

export async function seedDemoMemberDevelopment(
  db: Kysely<DB>,
  townId: string,
  rng: SeededRandom,
  clock: DemoClock,
): Promise<void> {
  const admin = await repo.adminUserId(db, townId);
  const actor: Actor = {
    userId: admin.id,
    homeTownId: townId,
    username: 'admin',
    displayName: '系统管理员',
    personId: null,
    grants: [{ role: 'admin', townId, unitId: null }],
    sessionId: 'demo',
  };
  const ctx = { actor, townId, ip: null };
  await importLedger(db, ctx);
  const rows = await repo.pipelineRows(db, townId);
  for (const row of rows) {
    let version = row.version;
    for (const plan of PLANS[row.state] ?? []) {
      if (!rng.chance(plan.p)) break;
      const on = shift(row.stage_on, rng.int(...plan.after));
      if (on > clock.today) break;
      const payload = plan.payload(on, rng);
      await fireStep(
        db,
        ctx,
        row.id,
        { action: plan.action, version, payload },
        localInstant(on, 9 * 60),
      );
      version++;
    }
  }
}
