/** Text analysis for appeals: segmentation, shingles, MinHash, LSH and near-duplicate clustering. */
export { buildLexicon, normalizeText, segment, type Lexicon } from './segment.ts';
export { hash32, hashShingles, jaccard, shingles } from './shingles.ts';
export { createMinHasher, estimateJaccard, type MinHasher } from './minhash.ts';
export { candidatePairs, lshThreshold, type LshItem, type LshOptions } from './lsh.ts';
export {
  clusterTexts,
  CLUSTER_DEFAULTS,
  type Cluster,
  type ClusterItem,
  type ClusterOptions,
} from './cluster.ts';
export { tightGroups, type Links, type TightGroup } from './tighten.ts';
