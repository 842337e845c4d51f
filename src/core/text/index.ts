/** Text analysis for appeals: segmentation, shingles, MinHash, LSH and near-duplicate clustering. */
export {
  buildLexicon,
  normalizeText,
  segment,
  tokenize,
  type Lexicon,
  type Token,
  type TokenKind,
} from './segment.ts';
export { isLabelTerm, labelTerms } from './labels.ts';
export {
  hash32,
  hashShingles,
  jaccard,
  jaccardSorted,
  KIND_WEIGHTS,
  placesConflict,
  profile,
  similarity,
  type KindWeights,
  type TextProfile,
} from './shingles.ts';
export { createMinHasher, estimateJaccard, type MinHasher } from './minhash.ts';
export {
  blockCandidates,
  byBlock,
  candidatePairs,
  lshThreshold,
  type LshItem,
  type LshOptions,
} from './lsh.ts';
export {
  clusterPrepared,
  findLinks,
  clusterTexts,
  CLUSTER_DEFAULTS,
  prepareTexts,
  type PreparedItem,
  type Cluster,
  type ClusterItem,
  type ClusterOptions,
} from './cluster.ts';
export { tightGroups, type Links, type TightGroup } from './tighten.ts';
export {
  cachedTokens,
  clearTokenCache,
  estimateEntryBytes,
  lexiconFor,
  TOKEN_MEMO_BYTES,
  tokenCacheStats,
  TokenMemo,
} from './cache.ts';
