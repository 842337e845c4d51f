/**
 * 党支部星级评定 as data: a year's indicator set (each indicator scored 0–100 and weighted; the
 * weights add up to 100), the thresholds that turn a weighted total into a star level, and the
 * comparison with last year (晋位升级). The town may replace the set per year
 * (`branch_rating_scheme`); these are the defaults.
 */

export interface Indicator {
  code: string;
  name: string;
  weight: number;
  /** What the indicator looks at, shown next to the score. */
  hint: string;
}

export interface Threshold {
  stars: number;
  /** Lowest weighted total that reaches `stars`. */
  minScore: number;
}

export interface RatingScheme {
  indicators: Indicator[];
  thresholds: Threshold[];
}

/** Worded for this project; the weights follow the usual emphasis on organisational life. */
export const DEFAULT_SCHEME: RatingScheme = {
  indicators: [
    {
      code: 'leadership',
      name: '班子建设',
      weight: 20,
      hint: '支委会配备齐全、分工明确，书记履行第一责任人职责',
    },
    {
      code: 'members',
      name: '党员队伍',
      weight: 20,
      hint: '党员教育管理、发展党员程序规范，流动党员有人联系',
    },
    {
      code: 'org_life',
      name: '组织生活',
      weight: 25,
      hint: '三会一课、主题党日按要求召开，党员出勤情况',
    },
    {
      code: 'impact',
      name: '作用发挥',
      weight: 20,
      hint: '带领群众办实事、化解矛盾、推动集体经济发展的成效',
    },
    {
      code: 'satisfaction',
      name: '群众满意',
      weight: 15,
      hint: '群众对支部和党员的评价、诉求办理的满意情况',
    },
  ],
  thresholds: [
    { stars: 5, minScore: 90 },
    { stars: 4, minScore: 80 },
    { stars: 3, minScore: 70 },
    { stars: 2, minScore: 60 },
    { stars: 1, minScore: 0 },
  ],
};

/** Weighted total of 0–100 scores, to two decimals; missing indicators count 0. */
export function weightedTotal(indicators: readonly Indicator[], scores: Record<string, number>) {
  const sum = indicators.reduce((s, i) => s + i.weight * (scores[i.code] ?? 0), 0);
  return Math.round(sum) / 100;
}

/** The star level a total reaches: the highest threshold at or below it (at least 1 star). */
export function starsFor(thresholds: readonly Threshold[], total: number): number {
  const reached = thresholds.filter((t) => total >= t.minScore).map((t) => t.stars);
  return reached.length ? Math.max(...reached) : 1;
}

/** 晋位 (up), 降位 (down) or 持平 against last year's stars; null without last year's rating. */
export function movement(stars: number, lastYear: number | null): 'up' | 'down' | 'same' | null {
  if (lastYear === null) return null;
  return stars > lastYear ? 'up' : stars < lastYear ? 'down' : 'same';
}

/** What is wrong with a scheme, as [path, message] pairs (empty when it is sound). */
export function schemeProblems(s: RatingScheme): [string, string][] {
  const out: [string, string][] = [];
  const weights = s.indicators.reduce((n, i) => n + i.weight, 0);
  if (weights !== 100) out.push(['indicators', `各项指标权重之和应为100，现为${weights}`]);
  const codes = s.indicators.map((i) => i.code);
  codes.forEach((c, i) => {
    if (codes.indexOf(c) !== i) out.push([`indicators.${i}.code`, '指标重复']);
  });
  const stars = s.thresholds.map((t) => t.stars);
  stars.forEach((n, i) => {
    if (stars.indexOf(n) !== i) out.push([`thresholds.${i}.stars`, `${n}星重复`]);
  });
  const sorted = [...s.thresholds].sort((a, b) => a.stars - b.stars);
  sorted.forEach((t, i) => {
    if (i > 0 && t.minScore <= sorted[i - 1]!.minScore)
      out.push([
        `thresholds.${s.thresholds.indexOf(t)}.minScore`,
        `${t.stars}星的分数线应高于${sorted[i - 1]!.stars}星`,
      ]);
  });
  return out;
}

/**
 * 组织生活 suggested from the year's meetings: 60 points for meetings held as required (share of
 * required meetings not missed) and 40 for attendance (rate × 0.4), to one decimal.
 */
export function orgLifeSuggestion(
  required: number,
  missing: number,
  attendanceRate: number | null,
): number {
  const held = required > 0 ? (required - missing) / required : 1;
  return Math.round((60 * held + 0.4 * (attendanceRate ?? 0)) * 10) / 10;
}
