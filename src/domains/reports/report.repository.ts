/**
 * Queries of the report tables: templates, reports and their revisions (imported past reports:
 * report-imported.repository.ts). Every function takes the town; rows become API shapes in one
 * mapper per entity.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { reportDocumentSchema, type ReportDocument } from '../../core/report/model.ts';
import { reportTemplateSchema, type ReportTemplate } from '../../core/report/templates.ts';
import type { DB, ReportTable, ReportTemplateTable } from '../../db/schema.ts';

type Db = Kysely<DB>;
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toTemplate(r: Selectable<ReportTemplateTable>) {
  return {
    id: r.id,
    role: r.role,
    name: r.name,
    version: r.version,
    definition: reportTemplateSchema.parse(json(r.definition)) as ReportTemplate,
    updatedAt: iso(r.updated_at)!,
  };
}

export function toReport(r: Selectable<ReportTable> & { person_name?: string }) {
  return {
    id: r.id,
    townId: r.town_id,
    personId: r.person_id,
    personName: r.person_name ?? null,
    year: r.year,
    templateId: r.template_id,
    state: r.state,
    version: r.version,
    frozenAt: iso(r.frozen_at),
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    document: reportDocumentSchema.parse(json(r.document)) as ReportDocument,
  };
}
export type ReportRow = ReturnType<typeof toReport>;

// ---- templates --------------------------------------------------------------------------------

export function countTemplates(db: Db, townId: string) {
  return db
    .selectFrom('report_template')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('town_id', '=', townId)
    .executeTakeFirstOrThrow();
}

export async function insertTemplates(db: Db, townId: string, templates: ReportTemplate[]) {
  if (!templates.length) return;
  await db
    .insertInto('report_template')
    .values(
      templates.map((t) => ({
        town_id: townId,
        id: t.id,
        role: t.role,
        name: t.name,
        definition: JSON.stringify(t),
      })),
    )
    .onConflict((oc) => oc.columns(['town_id', 'id']).doNothing())
    .execute();
}

export function listTemplates(db: Db, townId: string) {
  return db
    .selectFrom('report_template')
    .selectAll()
    .where('town_id', '=', townId)
    .orderBy('id')
    .execute();
}

export function findTemplate(db: Db, townId: string, id: string) {
  return db
    .selectFrom('report_template')
    .selectAll()
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function updateTemplate(
  db: Db,
  townId: string,
  id: string,
  version: number,
  t: ReportTemplate,
) {
  return db
    .updateTable('report_template')
    .set({
      name: t.name,
      role: t.role,
      definition: JSON.stringify(t),
      version: sql`version + 1`,
      updated_at: new Date(),
    })
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

// ---- reports ----------------------------------------------------------------------------------

function reportsWithNames(db: Db, townId: string) {
  return db
    .selectFrom('report as r')
    .innerJoin('person as p', (j) =>
      j.onRef('p.town_id', '=', 'r.town_id').onRef('p.id', '=', 'r.person_id'),
    )
    .selectAll('r')
    .select('p.name as person_name')
    .where('r.town_id', '=', townId);
}

export function findReport(db: Db, townId: string, id: string) {
  return reportsWithNames(db, townId).where('r.id', '=', id).executeTakeFirst();
}

/** Locks the row for a read-modify-write (save, freeze, restore). */
export function lockReport(db: Db, townId: string, id: string) {
  return db
    .selectFrom('report')
    .selectAll()
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function findReportFor(db: Db, townId: string, personId: string, year: number) {
  return reportsWithNames(db, townId)
    .where('r.person_id', '=', personId)
    .where('r.year', '=', year)
    .executeTakeFirst();
}

/** Reports of a town, newest year first; `personId` narrows to one person (own reports). */
export function listReports(
  db: Db,
  townId: string,
  q: { personId?: string; year?: number; after?: [number, string] | null; limit: number },
) {
  let query = reportsWithNames(db, townId);
  if (q.personId) query = query.where('r.person_id', '=', q.personId);
  if (q.year) query = query.where('r.year', '=', q.year);
  if (q.after) {
    const [year, id] = q.after;
    query = query.where((eb) =>
      eb.or([eb('r.year', '<', year), eb.and([eb('r.year', '=', year), eb('r.id', '>', id)])]),
    );
  }
  return query
    .orderBy('r.year', 'desc')
    .orderBy('r.id')
    .limit(q.limit + 1)
    .execute();
}

export function insertReport(
  db: Db,
  r: {
    townId: string;
    id: string;
    personId: string;
    year: number;
    templateId: string;
    document: ReportDocument;
    createdBy: string | null;
  },
) {
  return db
    .insertInto('report')
    .values({
      town_id: r.townId,
      id: r.id,
      person_id: r.personId,
      year: r.year,
      template_id: r.templateId,
      document: JSON.stringify(r.document),
      created_by: r.createdBy,
    })
    .onConflict((oc) => oc.columns(['town_id', 'person_id', 'year']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Writes a new document (and state) if the version still matches; undefined when it moved on. */
export function writeReport(
  db: Db,
  townId: string,
  id: string,
  version: number,
  values: { document: ReportDocument; state?: 'frozen'; frozenAt?: Date; frozenBy?: string | null },
) {
  return db
    .updateTable('report')
    .set({
      document: JSON.stringify(values.document),
      version: sql`version + 1`,
      updated_at: new Date(),
      ...(values.state
        ? {
            state: values.state,
            frozen_at: values.frozenAt ?? new Date(),
            frozen_by: values.frozenBy ?? null,
          }
        : {}),
    })
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .where('version', '=', version)
    .where('state', '=', 'draft')
    .returningAll()
    .executeTakeFirst();
}

// ---- revisions --------------------------------------------------------------------------------

export function insertRevision(
  db: Db,
  r: {
    townId: string;
    id: string;
    reportId: string;
    reportVersion: number;
    document: unknown;
    reason: 'save' | 'restore' | 'regenerate' | 'freeze' | 'rephrase';
    savedBy: string | null;
  },
) {
  return db
    .insertInto('report_revision')
    .values({
      town_id: r.townId,
      id: r.id,
      report_id: r.reportId,
      report_version: r.reportVersion,
      document: JSON.stringify(r.document),
      reason: r.reason,
      saved_by: r.savedBy,
    })
    .execute();
}

export function listRevisions(db: Db, townId: string, reportId: string) {
  return db
    .selectFrom('report_revision as v')
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.town_id', '=', 'v.town_id').onRef('u.id', '=', 'v.saved_by'),
    )
    .select(['v.id', 'v.report_version', 'v.reason', 'v.saved_at', 'u.display_name'])
    .where('v.town_id', '=', townId)
    .where('v.report_id', '=', reportId)
    .orderBy('v.report_version', 'desc')
    .execute();
}

export function findRevision(db: Db, townId: string, reportId: string, id: string) {
  return db
    .selectFrom('report_revision')
    .selectAll()
    .where('town_id', '=', townId)
    .where('report_id', '=', reportId)
    .where('id', '=', id)
    .executeTakeFirst();
}
