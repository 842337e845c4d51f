/** The ordered list of migrations. Append only; never edit a migration that has shipped. */
import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_ledgers.ts';
import * as m0003 from './0003_appeals.ts';
import * as m0004 from './0004_reports.ts';
import * as m0005 from './0005_public_intake.ts';
import * as m0006 from './0006_appeal_analysis.ts';
import * as m0007 from './0007_appeal_operations.ts';
import * as m0008 from './0008_ledger_rules.ts';
import * as m0009 from './0009_unit_portfolios.ts';
import * as m0010 from './0010_appeal_analysis_issue.ts';
import * as m0011 from './0011_attachment_visibility.ts';
import * as m0012 from './0012_town_versions.ts';
import * as m0013 from './0013_import_redactions.ts';
import * as m0014 from './0014_public_text.ts';
import * as m0015 from './0015_login_devices.ts';
import * as m0016 from './0016_attachment_owner.ts';
import * as m0017 from './0017_system_operator.ts';
import * as m0018 from './0018_revision_rephrase.ts';
import * as m0019 from './0019_appraisal.ts';
import * as m0020 from './0020_appeal_recent_indexes.ts';
import * as m0021 from './0021_party_meetings.ts';
import * as m0022 from './0022_member_development.ts';
import * as m0023 from './0023_branch_rating.ts';
import * as m0024 from './0024_party_metric_rows.ts';
import * as m0025 from './0025_townless_lookups.ts';
import * as m0026 from './0026_party_development_stays.ts';
import * as m0027 from './0027_meeting_requirement_defaults.ts';
import * as m0028 from './0028_party_meeting_gaps_as_of.ts';

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_ledgers': m0002,
  '0003_appeals': m0003,
  '0004_reports': m0004,
  '0005_public_intake': m0005,
  '0006_appeal_analysis': m0006,
  '0007_appeal_operations': m0007,
  '0008_ledger_rules': m0008,
  '0009_unit_portfolios': m0009,
  '0010_appeal_analysis_issue': m0010,
  '0011_attachment_visibility': m0011,
  '0012_town_versions': m0012,
  '0013_import_redactions': m0013,
  '0014_public_text': m0014,
  '0015_login_devices': m0015,
  '0016_attachment_owner': m0016,
  '0017_system_operator': m0017,
  '0018_revision_rephrase': m0018,
  '0019_appraisal': m0019,
  '0020_appeal_recent_indexes': m0020,
  '0021_party_meetings': m0021,
  '0022_member_development': m0022,
  '0023_branch_rating': m0023,
  '0024_party_metric_rows': m0024,
  '0025_townless_lookups': m0025,
  '0026_party_development_stays': m0026,
  '0027_meeting_requirement_defaults': m0027,
  '0028_party_meeting_gaps_as_of': m0028,
};
