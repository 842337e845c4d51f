/**
 * Appeal texts at volume for the 问题清单 bench, composed from our own phrase pieces (never from
 * the reference reports): a caller's opening, where, what is wrong in one of several wordings
 * (plain, colloquial, dialect-flavoured, dispatcher-style), and a filler. Problems recur: each
 * village has a pool of standing problems (topic + place) drawn with a skewed popularity, so
 * some blocks (village × category) are large and full of near-duplicates, as in a busy town.
 * Deterministic for a given seed.
 */

export interface GeneratedText {
  id: string;
  /** `town|village|category root`, the production blocking key. */
  block: string;
  text: string;
  /** Town × village index (town * villagesPerTown + village). */
  village: number;
  root: string;
  /** `village#rank` of the standing problem it repeats; null for a one-off complaint. */
  problem: string | null;
}

type Topic = [string, string[], string[]];
export interface Problem {
  topic: Topic;
  place: string;
}

/** [category root, what, wordings of what is wrong] */
const TOPICS: Topic[] = [
  [
    'urban',
    ['路灯', '那盏灯', '灯杆上的灯', '太阳能路灯'],
    ['不亮了', '坏了好几天', '晚上黑黢黢的', '又熄了', '一到晚上就灭'],
  ],
  [
    'urban',
    ['水泥路', '路面', '村道', '进村的路'],
    ['坑坑洼洼的', '塌了个大坑', '裂了好宽的缝', '烂得不成样子'],
  ],
  ['urban', ['井盖', '窨井盖', '下水井盖'], ['丢了', '缺了一块', '松动了踩上去晃', '破损了']],
  [
    'urban',
    ['有人', '隔壁那户', '一户人家'],
    ['搭了个彩钢棚', '盖了违章房', '私搭乱建占了通道', '在空地上建房子'],
  ],
  ['urban', ['桥上的护栏', '栏杆', '防护栏'], ['断了一截', '被车撞坏了', '锈断了']],
  [
    'environment',
    ['工地', '厂房', '装修队'],
    ['半夜还在施工', '晚上机器响个不停', '凌晨还在打桩', '吵得睡不着'],
  ],
  ['environment', ['广场舞', '跳舞的音响', '大喇叭'], ['声音太大', '吵到晚上十点', '噪音扰民']],
  ['environment', ['养猪场', '养殖场', '猪场'], ['臭得要命', '异味太大', '粪水乱排', '臭气熏天']],
  ['environment', ['搅拌站', '石料厂', '采石场'], ['灰尘太大', '扬尘严重', '满天都是灰']],
  ['environment', ['饭店', '烧烤摊', '餐馆'], ['油烟熏人', '排烟对着窗户', '油烟太大']],
  ['environment', ['垃圾桶', '垃圾池', '垃圾站'], ['满了没人拉', '好几天没清运', '垃圾堆成山']],
  ['utilities', ['自来水', '水龙头', '家里的水'], ['又停水了', '突然没水了', '断水一整天']],
  ['utilities', ['自来水', '水压', '楼上的水'], ['水压太低', '水小得很', '上不去水']],
  ['utilities', ['自来水', '放出来的水'], ['发黄浑浊', '有泥沙', '有股怪味']],
  ['utilities', ['电', '供电', '线路'], ['三天两头停电', '又停电了', '经常跳闸断电']],
  ['utilities', ['电压', '用电'], ['电压太低', '电压不稳', '电器都带不动']],
  ['utilities', ['手机信号', '信号', '移动信号'], ['一点都没有', '信号太差', '打不了电话']],
  ['property', ['电梯', '电梯门', '电梯按钮'], ['坏了没人修', '老是困人', '又停了']],
  ['property', ['物业费', '物业', '停车费'], ['涨价了', '乱收费', '上调了也不公示']],
  ['property', ['楼道', '楼梯间'], ['堆满杂物', '堆了纸箱旧家具', '全是破烂']],
  ['rural', ['种粮补贴', '地力补贴', '粮补'], ['还没到账', '没发下来', '比去年少了']],
  ['rural', ['土地流转费', '地租', '流转租金'], ['拖欠了半年', '一直不给', '要不来']],
  ['rural', ['水渠', '灌溉渠', '沟渠'], ['堵死了', '淤堵进不了水', '好几年没清淤']],
  ['labour', ['工资', '工钱', '血汗钱'], ['拖欠三个月了', '包工头不给', '一直要不到']],
  ['labour', ['养老金', '养老钱', '养老保险'], ['这个月没到账', '还没打到卡上', '迟迟不到']],
  ['labour', ['医保', '医保缴费'], ['交不上', '系统老出错', '扫码失败']],
  ['civil', ['低保', '低保金'], ['被取消了', '停发了', '这个月没有了']],
  ['civil', ['高龄补贴', '高龄津贴'], ['没发', '半年没到卡上', '一直没发下来']],
  ['transport', ['公交', '班车', '去镇上的车'], ['一天就两趟', '班次太少', '末班车太早']],
  ['transport', ['大货车', '重车', '拉石头的车'], ['超载压坏路', '天天超载', '开得飞快']],
  ['health', ['卫生室', '村卫生室'], ['缺药', '降压药断货', '常用药买不到']],
  ['health', ['卫生室', '村医'], ['经常锁门', '大半天没人', '下午不开门']],
  ['security', ['大狗', '狗', '那条黑狗'], ['不拴绳追人', '咬伤了小孩', '到处乱跑']],
  ['security', ['楼上', '邻居家'], ['漏水到我家', '卫生间渗水', '漏水不肯修']],
  ['market', ['超市', '小卖部'], ['卖过期食品', '卖过期牛奶', '食品变质']],
  ['market', ['菜市场', '肉摊'], ['缺斤少两', '秤有问题', '计量不准']],
];

const PLACES = [
  '村口',
  '桥头',
  '学校门口',
  '菜市场旁边',
  '村委会门口',
  '东头',
  '老街',
  '幸福路',
  '光明巷',
  '加油站旁',
  '工业园',
  '水库下面',
  '河边',
  '坡上',
  '主路上',
  '公交站',
  '广场边上',
  ...['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'].map((n) => `${n}组`),
  ...[1, 2, 3, 5, 7, 8, 11, 12].map((n) => `${n}栋`),
];
const OPENINGS = [
  '',
  '',
  '来电反映：',
  '村民称',
  '我们这里',
  '俺们村',
  '你好，',
  '麻烦问一下，',
  '反映一下，',
];
const FILLERS = [
  '',
  '',
  '已经好几天了',
  '晚上出门不方便',
  '说了好几次都没人管',
  '老人孩子都受影响',
  '咋整嘛',
  '搞么子名堂',
  '希望尽快处理',
  '请派人来看看',
  '这个问题好久了',
  '能不能管一管',
];

/** mulberry32: small, fast, seeded. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    let t = (s = (s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  towns?: number;
  villagesPerTown?: number;
  /** Standing problems per village (their repeats are what clustering should find). */
  problemsPerVillage?: number;
  /** Share of texts that repeat a standing problem; the rest are one-off complaints. */
  repeatShare?: number;
  seed?: number;
}

/** One caller's wording of a problem. */
export function phrase(problem: Problem, rand: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const [, things, issues] = problem.topic;
  const filler = pick(FILLERS);
  const where = `${problem.place}${rand() < 0.3 ? '那边' : ''}`;
  return `${pick(OPENINGS)}${where}的${pick(things)}${pick(issues)}${filler ? `，${filler}` : ''}。`;
}

export interface Generated {
  texts: GeneratedText[];
  /** standing[village][rank]. */
  standing: Problem[][];
  /** A fresh one-off problem. */
  oneOff(): Problem;
  rand: () => number;
}

export function generate(n: number, o: GenerateOptions = {}): Generated {
  const towns = o.towns ?? 5;
  const villages = o.villagesPerTown ?? 20;
  const perVillage = o.problemsPerVillage ?? 80;
  const repeatShare = o.repeatShare ?? 0.35;
  const rand = rng(o.seed ?? 20250601);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const oneOff = (): Problem => ({ topic: pick(TOPICS), place: pick(PLACES) });
  // Standing problems per village: a topic at a place; popularity ~ 1/rank (a few recur a lot).
  const standing = Array.from({ length: towns * villages }, () =>
    Array.from({ length: perVillage }, oneOff),
  );
  const harmonic = Array.from({ length: perVillage }, (_, i) => 1 / (i + 1));
  const total = harmonic.reduce((a, b) => a + b, 0);
  const rank = () => {
    let r = rand() * total;
    for (let i = 0; i < perVillage; i++) if ((r -= harmonic[i]!) <= 0) return i;
    return perVillage - 1;
  };
  // Villages differ in size like a town's communities: the i-th largest ~ 1/i.
  const sizes = Array.from({ length: villages }, (_, i) => 1 / (i + 1));
  const sizeTotal = sizes.reduce((a, b) => a + b, 0);
  const village = () => {
    let r = rand() * sizeTotal;
    for (let i = 0; i < villages; i++) if ((r -= sizes[i]!) <= 0) return i;
    return villages - 1;
  };
  const texts: GeneratedText[] = [];
  for (let i = 0; i < n; i++) {
    const v = Math.floor(rand() * towns) * villages + village();
    const k = rand() < repeatShare ? rank() : -1;
    const problem = k >= 0 ? standing[v]![k]! : oneOff();
    const root = problem.topic[0];
    texts.push({
      id: `t${i}`,
      block: `town${Math.floor(v / villages)}|v${v % villages}|${root}`,
      text: phrase(problem, rand),
      village: v,
      root,
      problem: k >= 0 ? `${v}#${k}` : null,
    });
  }
  return { texts, standing, oneOff, rand };
}

export function generateTexts(n: number, o: GenerateOptions = {}): GeneratedText[] {
  return generate(n, o).texts;
}
