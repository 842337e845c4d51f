/** Kysely table types of manual 督办, reminders acknowledged, attachments, Open311 media (migration 0007). Merged into `DB` in schema.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AppealOperationsTables {}
