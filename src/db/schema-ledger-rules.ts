/** Kysely table types of composite unique rules, stage waiting periods (migration 0008). Merged into `DB` in schema.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LedgerRuleTables {}
