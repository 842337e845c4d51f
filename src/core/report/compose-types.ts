/**
 * What the composer is given: the person, the figures of each portfolio grouped by the ledger
 * they come from, the year's most significant records as deeds, the person's own records for
 * the personal sections, and the signals that ground 存在不足 and 下步打算.
 */
import type { MetricPhrase } from '../metrics/phrase.ts';
import type { Peers } from './phrases.ts';
import type { ReportTemplate, Role } from './templates.ts';

/** One evaluated metric, as the metric engine returns it, with how a report says it. */
export interface MetricResult {
  metricId: string;
  label: string;
  unit: string;
  value: number | null;
  params: Record<string, unknown>;
  /** Verb, object and measure word (catalogue declaration); derived from the label if absent. */
  phrase?: MetricPhrase;
  /** The same metric over last year, when comparing means something. */
  previous?: MetricResult | null;
  /** Figures counting a subset of this one (said after it: 其中…). */
  parts?: MetricResult[];
  /** Figures said in the same breath (接待来访群众86批次、213人次). */
  joins?: MetricResult[];
}

/** Whose report: the template role decides how personal sections are worded. */
export interface PersonInfo {
  name: string;
  title: string;
  year: number;
  portfolios: Array<{ code: string; label: string }>;
  role?: Role;
  /** Where their figures are counted: the town, their office, or their village. */
  scope?: 'town' | 'office' | 'village';
  /** The place their figures describe (镇 name, office or village), for wording. */
  place?: string;
  /** Villages they were liaison (包联) leader of during the year. */
  liaisons?: string[];
}

/**
 * A significant record described as work done, already worded from its ledger's deed
 * declaration: text pieces and figures (chips over that one record).
 */
export interface Deed {
  portfolio?: string;
  /** Ledger type code of the record (its area). */
  area?: string;
  date: string;
  pieces: Array<string | MetricResult>;
}

/** The figures of one ledger type within a portfolio: one 一是/二是 item of the draft. */
export interface AreaFacts {
  code: string;
  name: string;
  figures: MetricResult[];
  deeds: Deed[];
}

/** The person's own records behind 学习、廉洁、法治 (any may be missing). */
export interface PersonalFacts {
  /** 中心组学习 held in their scope (leaders attend them all). */
  centerGroup?: MetricResult;
  /** Study sessions they led or spoke at. */
  ledStudy?: MetricResult;
  /** Party lectures they gave (讲党课). */
  partyLectures?: MetricResult;
  /** Training courses attended and hours completed. */
  trainingCourses?: MetricResult;
  trainingHours?: MetricResult;
  /** 学法考试 taken and passed; 述法; court hearings attended. */
  lawExams?: MetricResult;
  lawExamsPassed?: MetricResult;
  lawReports?: MetricResult;
  courtHearings?: MetricResult;
  /** 个人有关事项报告; 廉政谈话 received and given (people talked to); 廉洁承诺. */
  personalMatters?: MetricResult;
  talksReceived?: MetricResult;
  talksGiven?: MetricResult;
  pledges?: MetricResult;
}

/** An area whose figures fell below last year's: grounds a 不足 and a plan. */
export interface Decline {
  current: MetricResult;
  previous: MetricResult;
  portfolio?: string;
  area?: string;
}

/** Facts that ground 存在不足 and 下步打算: each becomes a sentence with its number as a chip. */
export interface GroundingSignals {
  overdueOrders: MetricResult | null;
  unsatisfiedOrders: MetricResult | null;
  satisfactionRate?: MetricResult | null;
  /** Orders still open past their deadline at the end of the period. */
  openOverdue?: MetricResult | null;
  emptyLedgers: string[];
  /** Empty ledgers with the portfolio they belong to (more specific wording). */
  emptyAreas?: Array<{ name: string; portfolio: string }>;
  metricsBelowLastYear: Decline[];
  /** 问题清单 entries still open (titles as recorded). */
  openProblems?: Array<{ title: string; portfolio?: string }>;
}

export interface ComposeInput {
  template: ReportTemplate;
  person: PersonInfo;
  /** Keyed by portfolio code for 职 subsections, by section kind ('study', 'law'…) otherwise. */
  metrics: Record<string, MetricResult[]>;
  /** Figures of each portfolio grouped by ledger; when absent, `metrics` is one area. */
  areas?: Record<string, AreaFacts[]>;
  highlights: Deed[];
  personal?: PersonalFacts;
  signals: GroundingSignals;
  seed: number;
  /** Moves phrase choices on each year (the report's year): consecutive drafts read differently. */
  turn?: number;
  /**
   * The writer's place among colleagues who share the seed: each alternative goes to as few of
   * them as possible, so their drafts differ where their facts coincide.
   */
  peers?: Peers;
  /** Length the whole draft aims at (characters without punctuation). */
  targetChars?: number;
}
