/**
 * 三会一课 and 主题党日 as data: the five meeting types (each the record of one ledger type), the
 * required frequency of each (a default per type, which the town may override), and the figures
 * of a branch's quarter — meetings held against those required, and the attendance rate — as pure
 * functions of the meetings, so every figure is recomputed from its records.
 */

export const MEETING_TYPES = [
  'member_assembly',
  'committee',
  'group',
  'party_lecture',
  'theme_day',
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  member_assembly: '支部党员大会',
  committee: '支部委员会',
  group: '党小组会',
  party_lecture: '党课',
  theme_day: '主题党日',
};

/** The ledger type holding each meeting type's records (主题党日 has its own ledger). */
export const LEDGER_OF: Record<MeetingType, 'branch_meeting' | 'theme_party_day'> = {
  member_assembly: 'branch_meeting',
  committee: 'branch_meeting',
  group: 'branch_meeting',
  party_lecture: 'branch_meeting',
  theme_day: 'theme_party_day',
};

export type Period = 'month' | 'quarter';
export interface Requirement {
  meetingType: MeetingType;
  period: Period;
  times: number;
}

/**
 * The requirements in force, in MEETING_TYPES order: the town's own rows over the defaults. The
 * defaults are data, kept in one place (the table `meeting_requirement_default`, seeded by
 * migration 0027), which the missing-meetings rows of the metrics read too.
 */
export function effectiveRequirements(
  rows: readonly Requirement[],
  defaults: readonly Requirement[],
): Requirement[] {
  return MEETING_TYPES.map((t) => {
    const found =
      rows.find((r) => r.meetingType === t) ?? defaults.find((r) => r.meetingType === t);
    // A type without a default (none is shipped so) is not required.
    return found ?? { meetingType: t, period: 'quarter', times: 0 };
  });
}

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  from: string;
  to: string;
}

export function quarterOf(year: number, quarter: number): Quarter {
  const q = Math.min(4, Math.max(1, Math.trunc(quarter))) as 1 | 2 | 3 | 4;
  const first = q * 3 - 2;
  const last = q * 3;
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    year,
    quarter: q,
    from: `${year}-${pad(first)}-01`,
    to: `${year}-${pad(last)}-${pad(lastDay)}`,
  };
}

function monthEnd(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The periods of a quarter a requirement is judged on, as [from, to] date ranges: the quarter
 * itself, or each of its months. Only periods that have ended by `today` count: a branch is not
 * short of a meeting it still has time to hold.
 */
export function periodsDue(r: Requirement, q: Quarter, today: string): [string, string][] {
  const ranges: [string, string][] =
    r.period === 'quarter'
      ? [[q.from, q.to]]
      : [0, 1, 2].map((i) => {
          const month = q.quarter * 3 - 2 + i;
          return [`${q.year}-${String(month).padStart(2, '0')}-01`, monthEnd(q.year, month)];
        });
  return ranges.filter(([, to]) => today > to);
}

export interface MeetingFact {
  meetingType: MeetingType;
  heldOn: string;
  expected: number;
  present: number;
}

export interface TypeFigure {
  meetingType: MeetingType;
  label: string;
  held: number;
  required: number;
  missing: number;
}

export interface QuarterFigures {
  types: TypeFigure[];
  held: number;
  missing: number;
  expected: number;
  present: number;
  /** Present ÷ expected over the quarter's meetings, in percent with 1 decimal; null without any. */
  attendanceRate: number | null;
}

/** A branch's quarter, from its meetings in that quarter and the requirements in force. */
export function quarterFigures(
  meetings: readonly MeetingFact[],
  requirements: readonly Requirement[],
  q: Quarter,
  today: string,
): QuarterFigures {
  const types = requirements.map((r) => {
    const own = meetings.filter((m) => m.meetingType === r.meetingType);
    const due = periodsDue(r, q, today);
    // Each period is judged alone: three meetings in April do not make up for none in May.
    const missing = due.reduce(
      (sum, [from, to]) =>
        sum + Math.max(0, r.times - own.filter((m) => m.heldOn >= from && m.heldOn <= to).length),
      0,
    );
    return {
      meetingType: r.meetingType,
      label: MEETING_TYPE_LABELS[r.meetingType],
      held: own.length,
      required: due.length * r.times,
      missing,
    };
  });
  const expected = meetings.reduce((s, m) => s + m.expected, 0);
  const present = meetings.reduce((s, m) => s + m.present, 0);
  return {
    types,
    held: meetings.length,
    missing: types.reduce((s, t) => s + t.missing, 0),
    expected,
    present,
    attendanceRate: attendanceRate(present, expected),
  };
}

export function attendanceRate(present: number, expected: number): number | null {
  if (expected <= 0) return null;
  return Math.round((present * 1000) / expected) / 10;
}

/** The period of a requirement that contains `today`, as [from, to] and how a reminder says it. */
export function currentPeriod(
  r: Requirement,
  today: string,
): { from: string; to: string; label: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (r.period === 'month') {
    const from = `${today.slice(0, 7)}-01`;
    return { from, to: monthEnd(year, month), label: `${year}年${month}月` };
  }
  const q = quarterOf(year, Math.ceil(month / 3));
  return { from: q.from, to: q.to, label: `${year}年第${'一二三四'[q.quarter - 1]}季度` };
}
