/**
 * Imported past reports: a single `*` hides a name or place (如“*村”), it is no unfilled figure.
 * Outlines stored before this split move their single-asterisk placeholders into `redactions` and
 * drop the numbers read from a single `*` ("*名"), so lists and pages stop counting redactions as
 * gaps. `**`, XX, × and 某某 stay placeholders. Data only; idempotent (outlines that already have
 * `redactions` are left alone). Frozen in time once shipped: never import application code here.
 */
import { sql, type Kysely } from 'kysely';

const split = `
update imported_report set outline = outline || jsonb_build_object(
  'redactions', coalesce((
    select jsonb_agg(p.value - 'kind' order by p.ordinality)
    from jsonb_array_elements(coalesce(outline->'placeholders', '[]'::jsonb)) with ordinality p
    where p.value->>'token' = '*'), '[]'::jsonb),
  'placeholders', coalesce((
    select jsonb_agg(p.value order by p.ordinality)
    from jsonb_array_elements(coalesce(outline->'placeholders', '[]'::jsonb)) with ordinality p
    where p.value->>'token' <> '*'), '[]'::jsonb),
  'numbers', coalesce((
    select jsonb_agg(n.value order by n.ordinality)
    from jsonb_array_elements(coalesce(outline->'numbers', '[]'::jsonb)) with ordinality n
    where not (n.value->>'raw' ~ '^[*][^*]')), '[]'::jsonb))
where not jsonb_exists(outline, 'redactions')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(split).execute(db);
}

export async function down(): Promise<void> {
  // The split cannot be told apart from outlines parsed after it; nothing to undo.
}
