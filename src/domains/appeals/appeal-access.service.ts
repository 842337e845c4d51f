/**
 * What other domains may use of the appeals access rules: the orders a caller may read in a town,
 * as a scope and as its SQL predicate (reports, analysis and the public page count and list orders
 * within it), and the read policy of an order's routes. The rules themselves are appeal.policy.ts.
 */
export { appealScope, appealsRead, scopeSql, type AppealScope } from './appeal.policy.ts';
