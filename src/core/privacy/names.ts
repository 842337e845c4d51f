/**
 * The name rules of the personal-data scrubber. A Chinese name is a surname and one or two more
 * characters, and nothing in the characters themselves marks it, so names are found by context:
 * after words that introduce a person (我叫, 姓名, 户主, 村民…), before a form of address (大爷,
 * 师傅…), before 家 (张三家门口), and before a verb of reporting at the start of a sentence. The
 * rules lean towards taking too much: a word taken wrongly is visible in the handler's preview, a
 * name left in is a resident exposed.
 */
import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from './surnames.ts';

const SURNAME = `(?:${COMPOUND_SURNAMES.join('|')}|[${SINGLE_SURNAMES}])`;
const HAN = '\\p{Script=Han}';

/** Words that introduce the person named right after them: the name is taken as it comes. */
const STRONG_BEFORE = [
  '我叫',
  '我是',
  '本人是',
  '本人',
  '名叫',
  '叫做',
  '姓名是',
  '姓名为',
  '姓名',
  '名字是',
  '名字叫',
  '名字',
  '联系人',
  '户主',
  '反映人',
  '来电人',
  '报告人',
  '当事人',
  '申请人',
  '投诉人',
  '举报人',
  '求助人',
  '被申请人',
  '签名',
  '署名',
  '称呼',
];
/**
 * Words that often, not always, stand before a name (村民张三反映, 已联系李四，): the name must end
 * at a boundary. The verbs are a handler's: a reply tells whom they called or visited.
 */
const WEAK_BEFORE = ['村民', '居民', '群众', '业主', '邻居', '老人', '租户', '房东', '家属'];
WEAK_BEFORE.push('联系', '告知', '通知', '回访', '答复', '走访', '拜访', '约见', '经与', '会同');
WEAK_BEFORE.push('找', '问', '请', '给', '帮', '让', '替', '和', '与', '跟', '同');
/** Forms of address after a surname or a name (王大爷, 李芳阿姨): the surname alone names a person here. */
const ADDRESS_AFTER = [
  '大爷',
  '大妈',
  '大娘',
  '大叔',
  '大婶',
  '大伯',
  '大哥',
  '大姐',
  '阿姨',
  '叔叔',
  '婶婶',
  '奶奶',
  '爷爷',
  '老师',
  '师傅',
  '先生',
  '女士',
  '小姐',
  '同志',
  '老汉',
  '老太',
  '夫妇',
  '一家',
  '等人',
  '老板',
];
/** Verbs that follow a name at the start of a sentence (张三反映…). */
const VERB_AFTER = ['反映', '投诉', '来电', '来访', '称', '表示', '要求', '请求', '希望', '说'];
/** What may follow a name for a weak rule to take it: punctuation, a verb, 家, 的… */
const BOUNDARY =
  '(?=[\\s，。；！？、,.;!?：:（(]|$|家|的|在|住|说|和|与|及|等|反映|投诉|来电|称|表示|电话|手机|要求' +
  '|沟通|协商|见面|核实|确认|同意|本人)';
/** After 的: a person's home, land, animals or family (王五的房子, 李四的电话). */
const OWNED_AFTER =
  '(?=的(?:房|家|地|田|车|院|门|屋|树|猪|狗|牛|羊|鸡|鸭|电话|手机|号码|孩子|儿子|女儿|老人|妻子|丈夫|母亲|父亲))';
/** After 家: what makes 家 "home of" (张三家门口) rather than part of a word (文明家庭). */
const HOME_AFTER = '(?=家(?:[的门口里院房屋地田人中住旁边隔对后前附墙东西南北，。、；！？\\s]|$))';

/** A second given-name character that is more likely the next word (张三家住…, 李四的…). */
const STOP = new Set([
  ...'家的住在是说反电和与等及了也都就还要想向对把被给从已因今后前里外上下村组镇乡',
]);
/** Last characters of place and organisation names (石桥村, 新华路): not people. */
const PLACE_END = new Set([...'村镇乡组队社区街路巷厂局站所办委会部院校店场市县省']);
/** Common words that begin with a surname character and stand where names stand. */
const NOT_NAMES = new Set([
  '党员',
  '干部',
  '全体',
  '全村',
  '全镇',
  '全家',
  '安全',
  '关心',
  '方便',
  '马上',
  '马路',
  '路灯',
  '路面',
  '路口',
  '周边',
  '周围',
  '相关',
  '文明',
  '平安',
  '时间',
  '明天',
  '同志',
  '老人',
  '村民',
  '居民',
  '工作',
  '明显',
  '常年',
  '长期',
  '华侨',
  '农户',
  '商户',
  '住户',
  '用户',
  '方式',
  '方法',
  '方案',
  '方面',
  '施工',
  '司机',
  '师傅',
  '公司',
  '单位',
  '房屋',
  '房子',
  '卫生',
  '安排',
  '安置',
  '应急',
  '管理',
  '管道',
  '宣传',
  '国家',
  '时候',
  '严重',
  '包括',
  '成本',
  '连续',
  '路边',
  '路段',
  '常住',
  '毛病',
  '车站',
  '车辆',
  '平台',
  '平时',
  '程序',
  '任务',
]);

/** Trims a candidate (surname + up to two characters) to the name: a STOP character ends it early. */
function nameOf(candidate: string, surnameLength: number): string {
  const chars = [...candidate];
  const given = chars.slice(surnameLength);
  if (given.length === 2 && STOP.has(given[1]!)) given.pop();
  return chars.slice(0, surnameLength).join('') + given.join('');
}

function surnameLength(candidate: string): number {
  return COMPOUND_SURNAMES.some((s) => candidate.startsWith(s)) ? 2 : 1;
}

const isName = (name: string, loose: boolean) =>
  !NOT_NAMES.has(name) &&
  !NOT_NAMES.has([...name].slice(0, 2).join('')) &&
  !(loose && PLACE_END.has([...name].pop()!)) &&
  [...name].length >= (loose ? 2 : 1);

const alternatives = (words: string[]) => [...words].sort((a, b) => b.length - a.length).join('|');

const RULES: { re: RegExp; loose: boolean; trim: boolean }[] = [
  // After a word that introduces a person: 我叫张三, 姓名：李四, 户主 王五.
  {
    re: new RegExp(
      `(?<=(?:${alternatives(STRONG_BEFORE)})[:：\\s]{0,2})${SURNAME}${HAN}{1,2}`,
      'gu',
    ),
    loose: true,
    trim: true,
  },
  // After a word that may introduce a person, when the name ends where names end: 村民张三反映.
  {
    re: new RegExp(
      `(?<=(?:${alternatives(WEAK_BEFORE)})[:：\\s]{0,1})${SURNAME}${HAN}{1,2}${BOUNDARY}`,
      'gu',
    ),
    loose: true,
    trim: false,
  },
  // Before a form of address: 王大爷, 李芳阿姨 (the surname alone counts).
  {
    re: new RegExp(`(?:老|小)?${SURNAME}${HAN}{0,2}?(?=${alternatives(ADDRESS_AFTER)})`, 'gu'),
    loose: false,
    trim: false,
  },
  // Before 家 meaning "the home of": 张三家门口, 老张家.
  {
    re: new RegExp(`(?:(?:老|小)${SURNAME}|${SURNAME}${HAN}{1,2}?)${HOME_AFTER}`, 'gu'),
    loose: true,
    trim: false,
  },
  // Before 的 and what a person owns: 王五的房子, 李四的电话.
  {
    re: new RegExp(`${SURNAME}${HAN}{1,2}?${OWNED_AFTER}`, 'gu'),
    loose: true,
    trim: false,
  },
  // At the start of a sentence before a verb of reporting: 张三反映…
  {
    re: new RegExp(
      `(?<=^|[\\s，。；！？、,.;!?：:])${SURNAME}${HAN}{1,2}?(?=${alternatives(VERB_AFTER)})`,
      'gu',
    ),
    loose: true,
    trim: false,
  },
];

/** The names that follow a taken one in a list (张三和李四, 王五、赵六): as many as are chained. */
function maskListedNames(text: string, mark: string): { text: string; count: number } {
  const listed = new RegExp(`(?<=${mark}(?:和|与|及|跟|同|、)\\s?)${SURNAME}${HAN}{1,2}`, 'gu');
  let count = 0;
  let out = text;
  for (let again = true; again;) {
    again = false;
    out = out.replace(listed, (candidate) => {
      const name = nameOf(candidate, surnameLength(candidate));
      if (!isName(name, true)) return candidate;
      count++;
      again = true;
      return mark + candidate.slice(name.length);
    });
  }
  return { text: out, count };
}

/** Replaces names found by context with `mark`; returns the text and how many were taken. */
export function maskNamesInContext(text: string, mark: string): { text: string; count: number } {
  let count = 0;
  let out = text;
  for (const rule of RULES) {
    out = out.replace(rule.re, (candidate: string) => {
      // 老/小 are never surnames: a leading one is the familiar prefix (老张家), taken with the name.
      const bare = candidate.replace(/^[老小]/u, '');
      const name = rule.trim ? nameOf(bare, surnameLength(bare)) : bare;
      if (bare === candidate && !isName(name, rule.loose)) return candidate;
      count++;
      return mark + bare.slice(name.length);
    });
  }
  const listed = maskListedNames(out, mark);
  return { text: listed.text, count: count + listed.count };
}

/** Replaces every occurrence of the given names (the order's own contact, parties) with `mark`. */
export function maskKnownNames(
  text: string,
  names: readonly (string | null | undefined)[],
  mark: string,
): { text: string; count: number } {
  let count = 0;
  let out = text;
  const known = [...new Set(names.map((n) => n?.trim() ?? '').filter((n) => [...n].length >= 2))];
  for (const name of known.sort((a, b) => b.length - a.length)) {
    const parts = out.split(name);
    count += parts.length - 1;
    out = parts.join(mark);
  }
  return { text: out, count };
}
