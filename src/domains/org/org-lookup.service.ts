/**
 * Read-only lookups of a town's organisation for other domains (a duty report's subject: the
 * person, their positions and units, the portfolios units carry, village liaisons). Each takes the
 * town; callers check access before they ask.
 */
export {
  findPerson,
  findUnit,
  listLiaisons,
  listPortfolios,
  listPositions,
  listUnits,
  unitPortfolios,
} from './org.repository.ts';
