/**
 * 民主测评 ballots as pure data (issue 14): the two rating scales, the 德能勤绩廉 items, the 优秀
 * cap, a ballot's validity against its round and the tally of a round's ballots. The server checks
 * every ballot with `checkBallot` and the voting page runs the same function before it submits, so
 * a voter is told about an over-cap ballot in the same words the server would use. No imports:
 * the browser bundle imports this file directly.
 */

export const SCALES = {
  excellent4: [
    { value: 'excellent', label: '优秀' },
    { value: 'competent', label: '称职' },
    { value: 'basic', label: '基本称职' },
    { value: 'incompetent', label: '不称职' },
  ],
  good4: [
    { value: 'good', label: '好' },
    { value: 'fair', label: '较好' },
    { value: 'average', label: '一般' },
    { value: 'poor', label: '差' },
  ],
} as const;
export type ScaleCode = keyof typeof SCALES;
export const SCALE_CODES = Object.keys(SCALES) as ScaleCode[];
export const SCALE_LABELS: Record<ScaleCode, string> = {
  excellent4: '优秀／称职／基本称职／不称职',
  good4: '好／较好／一般／差',
};

/** 德、能、勤、绩、廉: rated on the round's scale when the round asks for items. */
export const ITEMS = [
  { value: 'virtue', label: '德' },
  { value: 'ability', label: '能' },
  { value: 'diligence', label: '勤' },
  { value: 'performance', label: '绩' },
  { value: 'integrity', label: '廉' },
] as const;
export type ItemCode = (typeof ITEMS)[number]['value'];

export const DEFAULT_CAP_PERCENT = 20;

/** The scale's top grade (优秀 or 好), the one the cap limits. */
export function topGrade(scale: ScaleCode): string {
  return SCALES[scale][0].value;
}

export function gradeLabel(scale: ScaleCode, grade: string): string {
  return SCALES[scale].find((g) => g.value === grade)?.label ?? grade;
}

/**
 * How many people one ballot may rate 优秀 (or 好): `percent` of those appraised, rounded half up
 * (四舍五入: 10 people at 20 % → 2, 7 → 1.4 → 1, 8 → 1.6 → 2, 13 → 2.6 → 3), at least one when
 * anyone is appraised — a cap of zero would make the top grade unusable in a small round. Integer
 * arithmetic, so no float ever decides a boundary.
 */
export function excellentCap(appraised: number, percent: number): number {
  if (appraised <= 0) return 0;
  return Math.min(appraised, Math.max(1, Math.floor((appraised * percent + 50) / 100)));
}

export interface BallotMark {
  personId: string;
  grade: string;
  items?: Partial<Record<ItemCode, string>>;
}

export interface BallotRound {
  scale: ScaleCode;
  withItems: boolean;
  capPercent: number;
  /** Appraised people in ballot order, with names for messages. */
  people: readonly { personId: string; name: string }[];
}

export interface BallotIssue {
  path: string;
  label: string;
  message: string;
}

/** Why a ballot is not valid (empty: it is). The first issue is the one shown to the voter. */
export function checkBallot(round: BallotRound, marks: readonly BallotMark[]): BallotIssue[] {
  const issues: BallotIssue[] = [];
  const grades = new Set<string>(SCALES[round.scale].map((g) => g.value));
  const byPerson = new Map<string, BallotMark>();
  marks.forEach((m, i) => {
    const known = round.people.some((p) => p.personId === m.personId);
    if (!known)
      issues.push({
        path: `marks.${i}`,
        label: '测评对象',
        message: '选票中有不在本轮测评名单内的人员',
      });
    else if (byPerson.has(m.personId))
      issues.push({ path: `marks.${i}`, label: '测评对象', message: '同一人员在选票上出现了两次' });
    else byPerson.set(m.personId, m);
  });
  round.people.forEach((p, i) => {
    const m = byPerson.get(p.personId);
    if (!m || !grades.has(m.grade)) {
      issues.push({
        path: `marks.${i}.grade`,
        label: p.name,
        message: `请为“${p.name}”选择一个评价等次`,
      });
      return;
    }
    if (!round.withItems) return;
    for (const item of ITEMS) {
      const g = m.items?.[item.value];
      if (!g || !grades.has(g))
        issues.push({
          path: `marks.${i}.items.${item.value}`,
          label: `${p.name}·${item.label}`,
          message: `请为“${p.name}”的“${item.label}”选择一个等次`,
        });
    }
  });
  const cap = excellentCap(round.people.length, round.capPercent);
  const top = topGrade(round.scale);
  const tops = [...byPerson.values()].filter((m) => m.grade === top).length;
  if (tops > cap)
    issues.unshift({
      path: 'marks',
      label: gradeLabel(round.scale, top),
      message:
        `“${gradeLabel(round.scale, top)}”最多只能评${cap}人（测评对象${round.people.length}人的` +
        `${round.capPercent}%，四舍五入），您评了${tops}人，请减少后再提交`,
    });
  return issues;
}

export interface GradeCount {
  grade: string;
  label: string;
  count: number;
  /** Share of the valid ballots, in percent with one decimal. */
  percent: number;
}

export interface PersonTally {
  personId: string;
  name: string;
  ballots: number;
  grades: GradeCount[];
  items: { item: ItemCode; label: string; grades: GradeCount[] }[];
}

export interface RoundTally {
  ballots: number;
  cap: number;
  /** Ballots whose top grades exceed the cap (recounted from the stored ballots: should be 0). */
  overCap: number;
  people: PersonTally[];
}

/** Percent with one decimal, half up, of `part` in `whole` (0 when nothing was cast). */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10;
}

function gradeCounts(scale: ScaleCode, counts: Map<string, number>, whole: number): GradeCount[] {
  return SCALES[scale].map((g) => {
    const count = counts.get(g.value) ?? 0;
    return { grade: g.value, label: g.label, count, percent: percentOf(count, whole) };
  });
}

/** Counts a round's ballots per person and grade (and item); every figure comes from `ballots`. */
export function tallyBallots(round: BallotRound, ballots: readonly BallotMark[][]): RoundTally {
  const cap = excellentCap(round.people.length, round.capPercent);
  const top = topGrade(round.scale);
  const overall = new Map<string, Map<string, number>>();
  const items = new Map<string, Map<string, number>>();
  const bump = (m: Map<string, Map<string, number>>, key: string, grade: string) => {
    const row = m.get(key) ?? new Map<string, number>();
    row.set(grade, (row.get(grade) ?? 0) + 1);
    m.set(key, row);
  };
  let overCap = 0;
  for (const ballot of ballots) {
    if (ballot.filter((m) => m.grade === top).length > cap) overCap++;
    for (const mark of ballot) {
      bump(overall, mark.personId, mark.grade);
      for (const [item, grade] of Object.entries(mark.items ?? {}))
        if (grade) bump(items, `${mark.personId}/${item}`, grade);
    }
  }
  const n = ballots.length;
  return {
    ballots: n,
    cap,
    overCap,
    people: round.people.map((p) => ({
      personId: p.personId,
      name: p.name,
      ballots: n,
      grades: gradeCounts(round.scale, overall.get(p.personId) ?? new Map(), n),
      items: round.withItems
        ? ITEMS.map((it) => ({
            item: it.value,
            label: it.label,
            grades: gradeCounts(
              round.scale,
              items.get(`${p.personId}/${it.value}`) ?? new Map(),
              n,
            ),
          }))
        : [],
    })),
  };
}
