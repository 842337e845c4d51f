/**
 * What other domains may use of the ledgers' access rules: the records a caller may read in a town
 * (metrics count within it), whether a ledger type is visible to them, and the town's current
 * ledger types. The rules themselves are ledgers.policy.ts.
 */
export { currentTypes } from './ledger-type.repository.ts';
export { recordScope, typeVisible, type RecordScope } from './ledgers.policy.ts';
