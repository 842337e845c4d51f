/**
 * Appeals of the demo town's three years (DESIGN 10): hotline orders with a seasonal mix,
 * petitions with 包案 leaders, disputes and 四事 in the villages, each walked through the real
 * workflow engine on the shipped calendar (so events, deadlines and KPI columns are consistent),
 * then bulk-inserted. A few are left overdue, unsatisfied or reopened. Fixed seed: reproducible.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { dispute, petition, villagerMatter } from './demo-appeal-kinds.ts';
import {
  build,
  DAY,
  HOUR,
  pickVillage,
  walk,
  type Built,
  type Ctx,
  type Step,
} from './demo-appeal-walk.ts';
import { HOTLINE_DETAILS, HOTLINE_TOPICS, HOTLINE_WORDING, SPOTS } from './demo-appeals-text.ts';
import type { DemoClock } from './demo-clock.ts';
import { PLACES } from './demo-places.ts';
import { insertAppeals, loadAppealDirectory } from './demo.repository.ts';
import { SeededRandom } from './random.ts';

const SEED = 20250315;
/** Relative intake volume per month (more in summer: water, noise, farming; less at Spring Festival). */
const MONTH_WEIGHT = [0.6, 0.5, 0.8, 0.9, 1.0, 1.3, 1.5, 1.4, 1.0, 0.8, 0.9, 0.7];
/** The title and text of the seq-th order on a topic: phrasing and place by sequence, never by RNG. */
function hotlineWording(topic: string, seq: number): { title: string; content: string } {
  const phrasings = HOTLINE_WORDING[topic] ?? [topic];
  const place = SPOTS[(seq * 7 + 3) % SPOTS.length]!;
  const details = HOTLINE_DETAILS[topic] ?? [];
  const first = phrasings[seq % phrasings.length]!.replace('{p}', place);
  const second = details.length
    ? `，${details[Math.floor(seq / phrasings.length) % details.length]}`
    : '';
  return { title: topic, content: `${first}${second}。` };
}

/** Dispatch, perhaps a return and a new dispatch, then the claim. */
function hotlineIntake(ctx: Ctx, unit: string, urgency: string): Step[] {
  const { rng } = ctx;
  const claimDelay =
    (rng.chance(0.08) ? rng.int(26, 60) : rng.int(1, 20)) *
    HOUR *
    (urgency === 'urgent' ? 0.05 : 1);
  const steps: Step[] = [['dispatch', ['dispatcher'], rng.int(10, 90) * 60_000, { unitId: unit }]];
  if (rng.chance(0.05))
    steps.push(
      ['return', ['assignee'], 3 * HOUR, { reason: '不属于本单位职责', basis: '职责清单' }],
      ['reassign', ['dispatcher'], 2 * HOUR, { unitId: rng.pick(ctx.offices), reason: '重新派单' }],
    );
  steps.push(['claim', ['assignee'], claimDelay]);
  return steps;
}

/** Handling, the reply and the follow-up call; an unsatisfied caller may have it reopened. */
function hotlineAnswer(rng: SeededRandom, steps: Step[]) {
  const replyDelay = (rng.chance(0.1) ? rng.int(8, 14) : rng.int(1, 6)) * DAY;
  steps.push(
    ['handle', ['assignee'], DAY / 2, { progress: '已现场查看' }],
    ['reply', ['assignee'], replyDelay, { replyText: '已处理并答复', contacted: true }],
  );
  const r = rng.next();
  const satisfaction = r < 0.78 ? '满意' : r < 0.9 ? '基本满意' : '不满意';
  steps.push([
    'follow_up',
    ['dispatcher'],
    DAY,
    { satisfaction, solved: satisfaction !== '不满意' || rng.chance(0.2) },
  ]);
  if (satisfaction === '不满意' && rng.chance(0.6)) {
    steps.push(
      ['reopen', ['dispatcher'], HOUR, { reopenReason: '群众不满意，重新办理' }],
      [
        'reply',
        ['assignee'],
        rng.int(2, 5) * DAY,
        { replyText: '重新办理后答复', contacted: true },
      ],
      [
        'follow_up',
        ['dispatcher'],
        DAY,
        { satisfaction: rng.chance(0.7) ? '基本满意' : '不满意', solved: rng.chance(0.7) },
      ],
    );
  }
  steps.push(['close', ['dispatcher'], HOUR]);
  if (rng.chance(0.7)) steps.push(['archive', ['dispatcher'], 3 * DAY]);
}

function hotline(ctx: Ctx, seq: number, start: Date, end: Date): Built {
  const { rng } = ctx;
  const [category, topic] = rng.pick(HOTLINE_TOPICS);
  const { title, content } = hotlineWording(topic, seq);
  const village = rng.chance(0.6) ? pickVillage(ctx) : null;
  const unit = village && rng.chance(0.5) ? village.id : rng.pick(ctx.offices);
  const urgency = rng.chance(0.1) ? 'urgent' : rng.chance(0.1) ? 'complex' : 'general';
  const steps = hotlineIntake(ctx, unit, urgency);
  const open = { payload: { content: title }, urgency, category, roles: ['dispatcher'] };
  const done = () =>
    build(
      ctx,
      seq,
      'hotline',
      start,
      category,
      title,
      village?.id ?? null,
      walk(ctx, 'hotline', start, open, steps, end),
      {
        content,
      },
    );
  // Left stuck with the handler only lately: a years-old order is not still waiting.
  const stuck = rng.chance(0.03) && end.getTime() - start.getTime() < 60 * DAY;
  if (stuck) return done();
  hotlineAnswer(rng, steps);
  return done();
}

/** Volume of [two years ago, last year, this year] against last year's. */
const YEAR_VOLUME = [0.91, 1, 1.06];
/** Orders a month at a weight of 1 (about 700 a year in all, for ~30,000 residents). */
const MONTHLY = 60;

/**
 * Inserts the demo's appeals for the clock's three years (the current one up to `today`, whose
 * orders are walked only as far as today); call inside createDemoTown's transaction.
 */
export async function seedDemoAppeals(
  db: Kysely<DB>,
  townId: string,
  clock: DemoClock,
): Promise<number> {
  const rng = new SeededRandom(SEED);
  const found = await loadAppealDirectory(db, townId);
  const weight = (name: string) => PLACES.find((p) => p.name === name)?.population ?? 1500;
  const ctx: Ctx = {
    rng,
    townId,
    offices: found.offices,
    villages: found.villages.map((v) => ({ ...v, weight: weight(v.name) })),
    dispatcher: found.dispatcher,
    caseLeaders: found.caseLeaders,
    staffPerson: found.dispatcher.personId,
  };
  // The end of `today` in Beijing: nothing happens after it.
  const stopAt = new Date(Date.parse(`${clock.today}T23:59:00+08:00`));
  const built: Built[] = [];
  const counters: Array<{ year: number; seq: number }> = [];
  clock.years.forEach((year, y) => {
    let seq = 0;
    for (let month = 0; month < 12; month++) {
      const count = Math.round(MONTHLY * MONTH_WEIGHT[month]! * YEAR_VOLUME[y]!);
      for (let i = 0; i < count; i++) {
        const start = new Date(
          Date.UTC(year, month, rng.int(1, 28), rng.int(0, 9), rng.int(0, 59)),
        );
        if (start > stopAt) continue;
        seq++;
        const r = rng.next();
        const kind = r < 0.7 ? hotline : r < 0.76 ? petition : r < 0.9 ? dispute : villagerMatter;
        built.push(kind(ctx, seq, start, stopAt));
      }
    }
    if (seq) counters.push({ year, seq });
  });
  await insertAppeals(
    db,
    townId,
    built.map((b) => b.row),
    built.flatMap((b) => b.events),
    counters,
  );
  return built.length;
}
