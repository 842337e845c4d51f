/**
 * Who may call the Open311 GeoReport v2 endpoints: its reads are a deliberate public projection
 * (personal data scrubbed), posting needs an api_key checked in the handler, and issuing and
 * revoking a town's keys is the permissions table's `open311.manage_keys`
 * (src/core/access/permissions.ts): the town's admins.
 */
import { may } from '../../core/access/permissions.ts';
import type { RoutePolicy } from '../../core/access/policy.ts';

/** Reads of the public GeoReport resources: anyone, no session looked at. */
export const open311Read: RoutePolicy = { name: 'open311', public: true, allows: () => true };

/** POST requests: open at route level; without a valid api_key every caller gets 403 in the handler. */
export const open311ApiKey: RoutePolicy = {
  name: 'open311.api_key',
  public: true,
  allows: () => true,
};

/** Issuing and revoking a town's api_keys. */
export const open311Keys: RoutePolicy = {
  name: 'open311.keys',
  allows: (a, p) => may(a, p.townId ?? '', 'open311', 'manage_keys'),
};
