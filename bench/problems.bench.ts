/**
 * 问题清单 at volume.
 *
 * 1. Clustering BENCH_PROBLEM_TEXTS (100,000) generated appeal texts (bench/problems-data.ts; five
 *    towns, 20 villages each, sized ~1/rank, repeats of standing problems): the production path
 *    end to end (tokenize with jieba, profiles, candidate pairs, verification, tight groups).
 * 2. On a BENCH_PROBLEM_SAMPLE (10,000) sample of them, the pair stage alone (same profiles in,
 *    linked pairs out), against exact all-pairs similarity: (a) every pair of the whole sample,
 *    the textbook floor; (b) every pair inside each block (village × category), what production
 *    needs. Recall = linked pairs found / linked pairs of (b); the production path compares every
 *    pair in blocks up to 200 texts and uses LSH above; "LSH everywhere" shows LSH on its own.
 * 3. The intake hint (可能与…同类) at a town with a year of orders — see problems-intake.ts.
 *
 * Timings on a shared machine drift; each figure alternates with its floor (lib.ts `compare`).
 */
import { performance } from 'node:perf_hooks';
import {
  CLUSTER_DEFAULTS,
  clusterPrepared,
  findLinks,
  prepareTexts,
  profile,
  similarity,
} from '../src/core/text/index.ts';
import { compare, median, type Bench, type Figure } from './lib.ts';
import { generateTexts } from './problems-data.ts';
import { intakeHintFigures } from './problems-intake.ts';

const TEXTS = Number(process.env.BENCH_PROBLEM_TEXTS ?? 100_000);
const SAMPLE = Number(process.env.BENCH_PROBLEM_SAMPLE ?? 10_000);
const ROUNDS = Number(process.env.BENCH_PROBLEM_ROUNDS ?? 3);
/** LSH may miss this share of the linked pairs (budget for the recall row). */
const MISS_BUDGET = 0.01;

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const key = (i: number, j: number) => i * SAMPLE + j;

/** Every pair of the whole sample, ignoring blocks: [in-block links, cross-block pairs over threshold]. */
function allPairsWholeSample(blocks: string[], profiles: ReturnType<typeof profile>[]) {
  let inBlock = 0;
  let crossBlock = 0;
  for (let i = 0; i < profiles.length; i++)
    for (let j = i + 1; j < profiles.length; j++)
      if (similarity(profiles[i]!, profiles[j]!) >= CLUSTER_DEFAULTS.threshold) {
        if (blocks[i] === blocks[j]) inBlock++;
        else crossBlock++;
      }
  return { inBlock, crossBlock };
}

async function clusteringFigures(): Promise<{ figures: Figure[]; setting: string }> {
  const texts = generateTexts(TEXTS);
  const sizes = new Map<string, number>();
  for (const t of texts) sizes.set(t.block, (sizes.get(t.block) ?? 0) + 1);
  const largest = [...sizes.values()].sort((a, b) => b - a);

  // 1. The whole production path on all texts, once (jieba dominates; minutes on a busy machine).
  let t0 = performance.now();
  const prepared = prepareTexts(texts);
  const tokenizeMs = performance.now() - t0;
  t0 = performance.now();
  const clusters = clusterPrepared(prepared);
  const clusterMs = performance.now() - t0;

  // 2. The pair stage on a sample: same profiles for every variant.
  const sample = prepared.filter((_, i) => i % Math.max(1, Math.floor(TEXTS / SAMPLE)) === 0);
  const sampleItems = sample.slice(0, SAMPLE);
  const blocks = sampleItems.map((p) => p.block);
  const profiles = sampleItems.map((p) => profile(p.tokens));
  const exactLinks = findLinks(blocks, profiles, { exact: true });
  const truth = new Set(exactLinks.map(([i, j]) => key(i, j)));
  const recallOf = (links: [number, number, number][]) =>
    links.filter(([i, j]) => truth.has(key(i, j))).length / truth.size;
  const production = findLinks(blocks, profiles);
  const lshOnly = findLinks(blocks, profiles, { exactBelow: 0 });
  const whole = allPairsWholeSample(blocks, profiles);

  const inBlocks = await compare(
    async () => findLinks(blocks, profiles),
    async () => findLinks(blocks, profiles, { exact: true }),
    ROUNDS * 5,
  );
  const wholeSample = await compare(
    async () => findLinks(blocks, profiles),
    async () => allPairsWholeSample(blocks, profiles),
    ROUNDS,
  );
  t0 = performance.now();
  findLinks(blocks, profiles, { exactBelow: 0 });
  const lshEverywhereMs = performance.now() - t0;

  // 3. Where production does use LSH: the blocks above exactBelow in the full set.
  const big = prepared.filter((p) => sizes.get(p.block)! > CLUSTER_DEFAULTS.exactBelow);
  const bigBlocks = big.map((p) => p.block);
  const bigProfiles = big.map((p) => profile(p.tokens));
  const bigTruth = findLinks(bigBlocks, bigProfiles, { exact: true });
  const bigKeys = new Set(bigTruth.map(([i, j]) => i * big.length + j));
  const bigFound = findLinks(bigBlocks, bigProfiles).filter(([i, j]) =>
    bigKeys.has(i * big.length + j),
  ).length;
  const inBig = await compare(
    async () => findLinks(bigBlocks, bigProfiles),
    async () => findLinks(bigBlocks, bigProfiles, { exact: true }),
    ROUNDS,
  );
  const bigPairs = [...sizes.values()]
    .filter((x) => x > CLUSTER_DEFAULTS.exactBelow)
    .reduce((a, x) => a + (x * (x - 1)) / 2, 0);

  const sampleSizes = new Map<string, number>();
  for (const b of blocks) sampleSizes.set(b, (sampleSizes.get(b) ?? 0) + 1);
  const pairsInBlocks = [...sampleSizes.values()].reduce((a, x) => a + (x * (x - 1)) / 2, 0);
  const pairsWhole = (SAMPLE * (SAMPLE - 1)) / 2;
  const n = SAMPLE.toLocaleString('en');
  const f = (x: number) => x.toLocaleString('en');
  return {
    figures: [
      {
        name: `找相似对 ${n} 条：生产路径 / 全样本逐对精确`,
        samples: wholeSample.samples,
        floor: wholeSample.floor,
        target: 0.2,
      },
      {
        name: `找相似对 ${n} 条：生产路径 / 分块内逐对精确`,
        samples: inBlocks.samples,
        floor: inBlocks.floor,
        target: 1.5,
      },
      {
        name: `大分块（>${CLUSTER_DEFAULTS.exactBelow} 条）：LSH / 分块内逐对精确`,
        samples: inBig.samples,
        floor: inBig.floor,
        target: 1,
      },
      {
        name: `大分块 LSH 漏掉的相似对比例 / 预算 ${MISS_BUDGET * 100}%`,
        samples: [1 - bigFound / bigKeys.size],
        floor: [MISS_BUDGET],
        target: 1,
      },
    ],
    setting:
      `聚类 ${f(TEXTS)} 条（生产路径，端到端一次）：分词 ${s(tokenizeMs)}，聚类 ${s(clusterMs)}，` +
      `${f(clusters.length)} 组（${f(clusters.reduce((a, c) => a + c.ids.length, 0))} 条）；` +
      `${sizes.size} 个分块，最大 ${largest.slice(0, 3).join('/')} 条\n` +
      `样本 ${n} 条：全样本 ${f(pairsWhole)} 对、分块内 ${f(pairsInBlocks)} 对；` +
      `分块内达到阈值 ${CLUSTER_DEFAULTS.threshold} 的 ${f(truth.size)} 对` +
      `（全样本逐对找到的分块内 ${f(whole.inBlock)} 对；另有跨分块 ${f(whole.crossBlock)} 对，按设计不比较）；` +
      `召回率：生产路径 ${recallOf(production).toFixed(4)}；若所有分块都用 LSH：召回率 ${recallOf(lshOnly).toFixed(4)}，` +
      `用时 ${lshEverywhereMs.toFixed(0)} ms（分块内逐对中位数 ${median(inBlocks.floor).toFixed(0)} ms）\n` +
      `大分块：${big.length} 条、${f(bigPairs)} 对，达到阈值 ${f(bigKeys.size)} 对，LSH 找到 ${f(bigFound)} 对` +
      `（召回率 ${(bigFound / bigKeys.size).toFixed(4)}）\n` +
      `（“漏掉的相似对比例”一行的数值是比例，不是 ms：值 / 预算 ≤ 1）`,
  };
}

const bench: Bench = {
  description: '问题清单：10 万条聚类、1 万条样本对逐对精确、受理时“可能与…同类”提示',
  async run() {
    const clustering = await clusteringFigures();
    const intake = await intakeHintFigures();
    return {
      title: '问题清单 Problems',
      setting: `${clustering.setting}\n${intake.setting}`,
      figures: [...clustering.figures, ...intake.figures],
    };
  },
};
export default bench;
