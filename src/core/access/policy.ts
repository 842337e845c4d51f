/**
 * A route's authorization policy: the rule `defineRoute` runs before validation, and the name
 * the scope matrix keys its expectations on. Each domain declares its policies in its
 * `*.policy.ts`; this type lives in core so domains and the HTTP layer can both name it.
 */
import type { Actor } from '../actor.ts';

export interface RoutePolicy<Db = unknown> {
  /** Stable name; the scope-matrix test keys its expectations on it. */
  name: string;
  /** Anonymous callers allowed. */
  public?: boolean;
  /** Route-level rule over the caller and the path parameters (town first, then role). */
  allows(actor: Actor, params: Record<string, string>): boolean;
  /**
   * The part of the rule that needs the database (a portfolio held, the portfolios of the caller's
   * units), run after `allows` both before the handler and when the session lists the policies
   * the user passes, so the menu and the server agree. Throws Forbidden, saying why, to refuse.
   * `Db` is the database handle the HTTP layer passes (core knows no database).
   */
  holds?(db: Db, actor: Actor, params: Record<string, string>): Promise<void>;
}
