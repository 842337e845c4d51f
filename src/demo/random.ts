/**
 * A seeded pseudo-random generator (mulberry32) so the demo town is the same on every machine,
 * plus the invented name lists it draws from. All names are made up.
 */
export class SeededRandom {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }
  next(): number {
    let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN_MALE = [
  '建国',
  '志强',
  '海涛',
  '国栋',
  '振华',
  '永平',
  '立军',
  '德明',
  '文斌',
  '俊杰',
  '宏伟',
  '小龙',
  '晓东',
  '家豪',
  '子轩',
  '明远',
  '卫东',
  '长青',
  '春生',
  '树林',
  '庆丰',
  '少华',
  '维新',
  '兆丰',
  '光辉',
  '汉青',
  '世杰',
  '继承',
];
const GIVEN_FEMALE = [
  '秀英',
  '丽华',
  '玉兰',
  '春梅',
  '海燕',
  '晓红',
  '雪梅',
  '丹丹',
  '婷婷',
  '静怡',
  '慧敏',
  '淑芬',
  '红霞',
  '美玲',
  '思雨',
  '佳琪',
  '晓雯',
  '凤英',
  '月娥',
  '桂香',
  '亚楠',
  '欣然',
];

export function personName(
  rng: SeededRandom,
  used: Set<string>,
): { name: string; gender: 'male' | 'female' } {
  for (;;) {
    const gender = rng.chance(0.62) ? 'male' : 'female';
    const name = rng.pick([...SURNAMES]) + rng.pick(gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE);
    if (!used.has(name)) {
      used.add(name);
      return { name, gender };
    }
  }
}

export function mobile(rng: SeededRandom): string {
  const prefix = rng.pick(['35', '38', '39', '50', '58', '77', '86', '89']);
  return `1${prefix}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}
