/** Kysely table types of 问题清单 clusters, 承诺事项 commitments, 分析通报 bulletins (migration 0006). Merged into `DB` in schema.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AppealAnalysisTables {}
