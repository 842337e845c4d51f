/**
 * The demo's 星级评定 beyond the ledger (demo-profiles-party.ts draws each branch's stars a year):
 * indicator scores whose weighted total lands in the band of those stars under the default
 * thresholds, the record's total, stars and 较上年晋级 set from them (so every figure follows the
 * rules the page applies), and the branch's meetings of the year as 组织生活's evidence.
 */
import type { Kysely } from 'kysely';
import { DEFAULT_SCHEME, starsFor, weightedTotal } from '../core/party/rating.ts';
import type { DB } from '../db/schema.ts';
import * as repo from './demo-party-life.repository.ts';
import type { SeededRandom } from './random.ts';

const { indicators, thresholds } = DEFAULT_SCHEME;

function band(stars: number): [number, number] {
  const sorted = [...thresholds].sort((a, b) => a.stars - b.stars);
  const at = sorted.findIndex((t) => t.stars === stars);
  const low = Math.max(sorted[at]?.minScore ?? 0, 50);
  const high = (sorted[at + 1]?.minScore ?? 100) - 0.5;
  return [low, high];
}

export async function seedDemoBranchRatings(
  db: Kysely<DB>,
  townId: string,
  rng: SeededRandom,
): Promise<void> {
  const records = await repo.demoRatingRecords(db, townId);
  const last = new Map<string, number>();
  const scores: Parameters<typeof repo.insertDemoScores>[1] = [];
  for (const r of records) {
    const [low, high] = band(Number(r.data.stars));
    const target = low + rng.next() * (high - low);
    const marks = Object.fromEntries(
      indicators.map((i) => [i.code, Math.round(Math.min(100, target + rng.int(-3, 3)) * 10) / 10]),
    );
    const total = weightedTotal(indicators, marks);
    const stars = starsFor(thresholds, total);
    const year = Number(r.data.year);
    const before = last.get(`${r.unit_id}:${year - 1}`);
    last.set(`${r.unit_id}:${year}`, stars);
    await repo.updateDemoRating(db, townId, r.id, {
      ...r.data,
      score: total,
      stars,
      promoted: before !== undefined && stars > before,
    });
    const meetings = await repo.demoBranchMeetings(db, townId, r.unit_id ?? '', year);
    for (const i of indicators)
      scores.push({
        town_id: townId,
        record_id: r.id,
        indicator: i.code,
        score: marks[i.code]!,
        evidence: JSON.stringify(i.code === 'org_life' ? meetings : []),
        note: null,
      });
  }
  await repo.insertDemoScores(db, scores);
}
