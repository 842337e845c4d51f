/**
 * Kysely table types of composite unique rules, stage waiting periods (migration 0008). Merged
 * into `DB` in schema.ts. No new tables: rules are part of `ledger_type.definition`, and
 * composite unique claims are rows of `ledger_unique` (field_key "a+b", values joined by chr(31)).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LedgerRuleTables {}
