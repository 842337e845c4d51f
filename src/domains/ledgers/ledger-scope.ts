/**
 * The shape of a caller's record scope, shared by the ledgers' policy (which works it out) and
 * repository (which turns it into SQL) without either importing the other.
 */

/**
 * The records one caller may read (or write) in one town. `all` covers the whole town; otherwise
 * a record is in scope when its type is in `typeCodes` (whole types, town-wide), or — the unit
 * part — its unit is in `unitIds` or its responsible person is `personId`, provided its type is
 * in `unitTypeCodes` (`null`: any type). The union of what the caller's grants give.
 */
export type RecordScope =
  | { all: true }
  | {
      all: false;
      typeCodes: string[];
      unitIds: string[];
      personId: string | null;
      unitTypeCodes: string[] | null;
    };
