/**
 * Kysely table types of migration 0007 (manual 督办, acknowledged reminders, attachments, Open311
 * media). It adds no table of its own: its columns extend appeal_reminder, appeal_attachment and
 * public_request, whose interfaces in schema.ts carry them. Merged into `DB` in schema.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AppealOperationsTables {}
