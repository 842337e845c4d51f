/**
 * A route's authorization policy: the rule `defineRoute` runs before validation, and the name
 * the scope matrix keys its expectations on. Each domain declares its policies in its
 * `*.policy.ts`; this type lives in core so domains and the HTTP layer can both name it.
 */
import type { Actor } from '../actor.ts';

export interface RoutePolicy {
  /** Stable name; the scope-matrix test keys its expectations on it. */
  name: string;
  /** Anonymous callers allowed. */
  public?: boolean;
  /** Route-level rule over the caller and the path parameters (town first, then role). */
  allows(actor: Actor, params: Record<string, string>): boolean;
}
