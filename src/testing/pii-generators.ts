/**
 * fast-check generators of personal data as Chinese residents write it, for the public-projection
 * property test. Written from the forms themselves (how a phone number is grouped and prefixed,
 * how an ID card number or a house address is put down, how people are named in a complaint), on
 * purpose without looking at the scrubber: no list or pattern here comes from src/core/privacy.
 * Used only by tests.
 */
import fc from 'fast-check';

export interface Secret {
  kind: 'phone' | 'landline' | 'id' | 'house' | 'name' | 'point';
  /** Strings that must not appear in any public response. */
  forms: string[];
  /** The bare ASCII digits, which must not appear however the response spaces them. */
  digits?: string;
}

type Style = 'ascii' | 'full' | 'chinese' | 'spoken' | 'mixed';
const CHINESE = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** How digits are read out: 0 as 〇, 1 as 幺 (yāo), 2 as 两. */
const SPOKEN = ['〇', '幺', '两', '三', '四', '五', '六', '七', '八', '九'];

function writeDigits(digits: string, style: Style): string {
  return [...digits]
    .map((ch, i) => {
      if (!/\d/.test(ch)) return ch;
      const d = Number(ch);
      if (style === 'full') return String.fromCharCode(0xff10 + d);
      if (style === 'chinese') return CHINESE[d]!;
      if (style === 'spoken') return SPOKEN[d]!;
      if (style === 'mixed') return i % 2 ? CHINESE[d]! : ch;
      return ch;
    })
    .join('');
}

const digitString = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const style = fc.constantFrom<Style>('ascii', 'ascii', 'full', 'chinese', 'spoken', 'mixed');
const SEPARATORS = [' ', '-', '.', '\u3000', '－', '—', ' - ', '·', '/', '_', '  ', '–'];

function group(digits: string, sizes: readonly number[], sep: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join(sep);
}

const MOBILE_PREFIXES = ['130', '131', '133', '135', '136', '137', '138', '139', '147', '150'];
MOBILE_PREFIXES.push('151', '152', '155', '157', '158', '159', '166', '173', '176', '177');
MOBILE_PREFIXES.push('180', '181', '183', '185', '186', '187', '188', '189', '191', '199');

export const plainMobile = fc
  .tuple(fc.constantFrom(...MOBILE_PREFIXES), digitString(8))
  .map(([p, rest]) => p + rest);

export const mobile: fc.Arbitrary<Secret> = fc
  .record({
    number: plainMobile,
    sizes: fc.constantFrom([3, 4, 4], [3, 8], [11], [3, 4, 4], [4, 4, 3]),
    sep: fc.constantFrom(...SEPARATORS),
    style,
    prefix: fc.constantFrom('', '', '+86 ', '+86-', '0086 ', '0086-', '＋８６ ', '(+86)', '+86'),
  })
  .map(({ number, sizes, sep, style: s, prefix }) => ({
    kind: 'phone',
    forms: [prefix + writeDigits(group(number, sizes, sep), s)],
    digits: number,
  }));

export const landline: fc.Arbitrary<Secret> = fc
  .record({
    area: fc.constantFrom('010', '021', '023', '0571', '0574', '0731', '0851', '0755'),
    first: fc.integer({ min: 2, max: 8 }),
    rest: digitString(7),
    layout: fc.constantFrom('paren', 'dash', 'space', 'plain'),
    style: fc.constantFrom<Style>('ascii', 'full'),
  })
  .map(({ area, first, rest, layout, style: s }) => {
    const local = `${first}${rest}`;
    const text = {
      paren: `(${area}) ${local.slice(0, 4)} ${local.slice(4)}`,
      dash: `${area}-${local}`,
      space: `${area} ${local.slice(0, 4)}-${local.slice(4)}`,
      plain: `${area}${local}`,
    }[layout];
    return { kind: 'landline', forms: [writeDigits(text, s)], digits: area + local };
  });

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChar = (first17: string) =>
  '10X98765432'[[...first17].reduce((sum, d, i) => sum + Number(d) * ID_WEIGHTS[i]!, 0) % 11]!;

export const idNumber: fc.Arbitrary<Secret> = fc
  .record({
    region: fc.constantFrom('110101', '310104', '330102', '420106', '510104', '440305', '370202'),
    birth: fc.date({
      min: new Date('1940-01-01'),
      max: new Date('2010-12-31'),
      noInvalidDate: true,
    }),
    seq: digitString(3),
    check: fc.constantFrom('computed', 'X', 'x'),
    layout: fc.constantFrom([18], [6, 8, 4], [6, 4, 4, 4], [4, 4, 4, 4, 2], [6, 8, 4]),
    sep: fc.constantFrom(' ', ' ', '-', '\u3000'),
    style: fc.constantFrom<Style>('ascii', 'ascii', 'full'),
  })
  .map(({ region, birth, seq, check, layout, sep, style: s }) => {
    const first17 = region + birth.toISOString().slice(0, 10).replaceAll('-', '') + seq;
    const last = check === 'computed' ? checkChar(first17) : check;
    return {
      kind: 'id',
      forms: [writeDigits(group(first17 + last, layout, sep), s)],
      digits: first17,
    };
  });

/** 1 → 一, 12 → 十二, 35 → 三十五 (house and group numbers are often written this way). */
function chineseNumber(n: number): string {
  if (n < 10) return CHINESE[n]!;
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? CHINESE[tens] : ''}十${n % 10 ? CHINESE[n % 10] : ''}`;
}
const numeral = (min: number, max: number) =>
  fc
    .tuple(fc.integer({ min, max }), fc.constantFrom('ascii', 'ascii', 'chinese', 'full'))
    .map(([n, s]) =>
      s === 'chinese'
        ? chineseNumber(n)
        : s === 'full'
          ? writeDigits(String(n), 'full')
          : String(n),
    );
const STREETS = ['新华路', '解放街', '人民路', '建设巷', '胜利路', '中山路', '和平街'];

export const house: fc.Arbitrary<Secret> = fc.oneof(
  fc
    .tuple(numeral(1, 15), numeral(1, 60))
    .map(([g, n]) => ({ kind: 'house' as const, forms: [`${g}组${n}号`] })),
  fc
    .tuple(
      numeral(1, 30),
      numeral(1, 6),
      fc.integer({ min: 1, max: 18 }),
      fc.integer({ min: 1, max: 4 }),
    )
    .map(([b, u, f, r]) => ({ kind: 'house' as const, forms: [`${b}栋${u}单元${f}0${r}室`] })),
  fc
    .tuple(
      numeral(1, 30),
      numeral(1, 6),
      fc.integer({ min: 1, max: 18 }),
      fc.integer({ min: 1, max: 4 }),
    )
    .map(([b, u, f, r]) => ({
      kind: 'house' as const,
      forms: [`${b}号楼${u}单元${f}0${r}`, `单元${f}0${r}`],
    })),
  fc
    .tuple(fc.constantFrom(...STREETS), fc.integer({ min: 1, max: 300 }))
    .map(([s, n]) => ({ kind: 'house' as const, forms: [`${n}号`], text: `${s}${n}号` })),
  fc
    .tuple(numeral(1, 40), fc.integer({ min: 1, max: 18 }), fc.integer({ min: 1, max: 4 }))
    .map(([b, f, r]) => ({ kind: 'house' as const, forms: [`${b}幢${f}0${r}室`] })),
  numeral(1, 200).map((n) => ({ kind: 'house' as const, forms: [`门牌${n}号`] })),
) as fc.Arbitrary<Secret>;

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢钟',
];
SURNAMES.push('欧阳', '司马', '诸葛', '上官');
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛超兰霞刚桂华建国志红玉梅飞鹏辉玲晶凤俊波斌宇浩凯健琳雪婷欣怡涵萱轩',
];

export const personName = fc
  .tuple(
    fc.constantFrom(...SURNAMES),
    fc.array(fc.constantFrom(...GIVEN), { minLength: 1, maxLength: 2 }),
  )
  .map(([s, g]) => ({ surname: s, name: s + g.join('') }));

/** Ways a complaint names a person: introduced, addressed, or as the owner of a home. */
const NAME_CONTEXTS: ((name: string, surname: string) => string)[] = [
  (n) => `我叫${n}`,
  (n) => `${n}家门口`,
  (n) => `姓名：${n}`,
  (n) => `村民${n}反映`,
  (n) => `户主${n}`,
  (n) => `联系人 ${n}`,
  (n) => `邻居${n}家`,
  (n) => `本人${n}`,
  (n) => `${n}阿姨`,
  (n) => `当事人${n}`,
  (n) => `已联系${n}，`,
  (n) => `经与${n}协商`,
  (n) => `${n}的房子`,
  (n) => `找${n}`,
  (n) => `${n}说`,
  (_, s) => `${s}大爷`,
];

export const nameInContext: fc.Arbitrary<Secret & { text: string }> = fc
  .tuple(personName, fc.integer({ min: 0, max: NAME_CONTEXTS.length - 1 }))
  .map(([p, i]) => {
    const text = NAME_CONTEXTS[i]!(p.name, p.surname);
    return { kind: 'name', forms: [i === NAME_CONTEXTS.length - 1 ? text : p.name], text };
  });

const FILLERS = ['村口路灯坏了很久', '下雨天路面积水严重', '垃圾堆放没人清运', '桥边护栏松动'];
const REPLY_FILLERS = ['已安排维修并完成', '已协调清运到位', '现场查看后已处理', '已更换新的设施'];
const LEAD_INS = ['', '电话', '手机：', '联系方式 ', '身份证号', '证件号码：', '住', '家住'];

export interface Planting {
  secrets: Secret[];
  residentText: string;
  replyText: string;
  filler: string;
  replyFiller: string;
  contactName: string;
  contactPhone: string;
  address: string;
  lat: number;
  long: number;
}

const point = fc.tuple(
  fc.integer({ min: 22_000_000, max: 42_000_000 }),
  fc.integer({ min: 100_000_000, max: 122_000_000 }),
);
const coordinate = (micro: number) => {
  const text = `${Math.floor(micro / 1e6)}.${String(micro % 1e6).padStart(6, '0')}`;
  return { value: Number(text), form: text.slice(0, text.indexOf('.') + 5) };
};

export function arbitraryPlanting(): fc.Arbitrary<Planting> {
  const piece = fc.oneof(mobile, landline, idNumber, house, nameInContext);
  return fc
    .record({
      pieces: fc.array(fc.tuple(piece, fc.constantFrom(...LEAD_INS)), {
        minLength: 4,
        maxLength: 9,
      }),
      replyPieces: fc.array(piece, { minLength: 2, maxLength: 5 }),
      filler: fc.constantFrom(...FILLERS),
      replyFiller: fc.constantFrom(...REPLY_FILLERS),
      contact: personName,
      contactPhone: plainMobile,
      addressHouse: house,
      point,
    })
    .map((r) => {
      const textOf = (s: Secret & { text?: string }) => s.text ?? s.forms[0]!;
      const lat = coordinate(r.point[0]);
      const long = coordinate(r.point[1]);
      const secrets: Secret[] = [
        ...r.pieces.map(([s]) => s),
        ...r.replyPieces,
        { kind: 'name', forms: [r.contact.name] },
        { kind: 'phone', forms: [r.contactPhone], digits: r.contactPhone },
        r.addressHouse,
        { kind: 'point', forms: [lat.form, long.form] },
      ];
      return {
        secrets,
        residentText: [
          r.filler,
          ...r.pieces.map(([s, lead]) => `${s.kind === 'name' ? '' : lead}${textOf(s)}`),
        ].join('，'),
        replyText: `经核实，${r.replyFiller}。${r.replyPieces.map(textOf).join('；')}`,
        filler: r.filler,
        replyFiller: r.replyFiller,
        contactName: r.contact.name,
        contactPhone: r.contactPhone,
        address: `石桥村${textOf(r.addressHouse)}`,
        lat: lat.value,
        long: long.value,
      };
    });
}
