/**
 * Who may change towns and counties (DESIGN 2: "admin (county or town) — towns"). A town's admin
 * edits the town (name, office hours). A county admin is an admin of every town of a county:
 * they rename the county, add towns to it, change a town's code and remove an unused town.
 *
 * Why "admin in every town" rather than a separate county grant: it needs no new kind of grant,
 * a county admin can in fact do everything in each of those towns already, and the rule stays
 * true as the county grows because a new town's admin grants go to the county's admins
 * (town.service.ts). An empty county has no admin; its first town is added with `lvzhi town add`.
 * "Admin" is the permissions table's `town.configure` (src/core/access/permissions.ts).
 */
import type { Actor } from '../../core/actor.ts';
import { may, mayAnywhere } from '../../core/access/permissions.ts';
import type { RoutePolicy } from '../../core/access/policy.ts';

/** Decided with the county's towns read from the database (see town.service.ts). */
export function isCountyAdminOf(actor: Actor, countyTownIds: readonly string[]): boolean {
  return (
    countyTownIds.length > 0 &&
    countyTownIds.every((townId) => may(actor, townId, 'town', 'configure'))
  );
}

export const townAdmin: RoutePolicy = {
  name: 'town.admin',
  allows: (a, p) => may(a, p.townId ?? '', 'town', 'configure'),
};

/**
 * Route level: an admin of some town. The county in the path is checked against the rule
 * above in the service, which reads the county's towns.
 */
export const countyAdmin: RoutePolicy = {
  name: 'county.admin',
  allows: (a) => mayAnywhere(a, 'town', 'configure'),
};
