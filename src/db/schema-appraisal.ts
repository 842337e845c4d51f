/** Kysely table types of migration 0019 (民主测评). Merged into `DB` in schema.ts. */
import type { ColumnType, Generated } from 'kysely';

export interface AppraisalRoundTable {
  town_id: string;
  id: string;
  year: number;
  title: string;
  scale: 'excellent4' | 'good4';
  with_items: boolean;
  cap_percent: number;
  status: Generated<'draft' | 'open' | 'closed'>;
  refused_over_cap: Generated<number>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  opened_at: Date | null;
  closed_at: Date | null;
}

export interface AppraisalAppraiseeTable {
  town_id: string;
  round_id: string;
  person_id: string;
  sort_order: number;
}

export interface AppraisalGroupTable {
  town_id: string;
  id: string;
  round_id: string;
  name: string;
  ballots: number;
  sort_order: number;
  voted: number | null;
}

export interface AppraisalTokenTable {
  town_id: string;
  token_hash: string;
  round_id: string;
  group_id: string;
  used: Generated<boolean>;
}

export interface AppraisalBallotTable {
  town_id: string;
  id: string;
  round_id: string;
  marks: ColumnType<unknown, string, string>;
}

export interface AppraisalTables {
  appraisal_round: AppraisalRoundTable;
  appraisal_appraisee: AppraisalAppraiseeTable;
  appraisal_group: AppraisalGroupTable;
  appraisal_token: AppraisalTokenTable;
  appraisal_ballot: AppraisalBallotTable;
}
