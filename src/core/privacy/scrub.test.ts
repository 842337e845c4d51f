import { describe, expect, it } from 'vitest';
import { SCRUB_MARKERS as M, scrubPersonalData, scrubText } from './scrub.ts';

const keep = ['石桥村', '青石镇'];
const scrub = (text: string, names: string[] = []) => scrubText(text, { keep, names });

describe('the personal-data scrubber', () => {
  it('takes phone and ID numbers however they are written', () => {
    for (const written of [
      '13812345678',
      '138-1234-5678',
      '138 1234 5678',
      '138.1234.5678',
      '138　1234　5678',
      '１３８１２３４５６７８',
      '一三八一二三四五六七八',
      '幺三八 幺二三四 五六七八',
      '+86 138 1234 5678',
      '＋８６－１３８１２３４５６７８',
      '0086-13812345678',
      '(0571) 8888-1234',
      '0571-88881234',
      '330102199003071234',
      '3301 0219 9003 0712 3X',
      '330102 19900307 123x',
    ]) {
      const out = scrub(`电话${written}，请回电`);
      expect(out, written).toBe(`电话${out.includes('(') ? '(' : ''}${M.number}，请回电`);
    }
  });

  it('keeps dates, short numbers, counts and money', () => {
    for (const kept of ['2025-03-01 停水', '3月5号停水', '涉及农户30户', '邮编 311400', '两栋房子'])
      expect(scrub(kept)).toBe(kept);
  });

  it('takes house numbers of streets, village groups and flats, keeping the village', () => {
    expect(scrub('住石桥村5组12号')).toBe(`住石桥村${M.house}`);
    expect(scrub('家住新华路88号3栋2单元501室')).toBe(`家住新华路${M.house}`);
    expect(scrub('五组十二号门口')).toBe(`${M.house}门口`);
    expect(scrub('门牌号：17，路灯坏了')).toBe(`${M.house}，路灯坏了`);
    expect(scrub('3-2-501室漏水')).toBe(`${M.house}漏水`);
    expect(scrub('统一号召')).toBe('统一号召');
  });

  it('takes names after introducing words, before forms of address and before 家', () => {
    expect(scrub('我叫张三，家住石桥村')).toBe(`我叫${M.name}，家住石桥村`);
    expect(scrub('我叫张三家住石桥村')).toBe(`我叫${M.name}家住石桥村`);
    expect(scrub('姓名：王小明 联系人李四')).toBe(`姓名：${M.name} 联系人${M.name}`);
    expect(scrub('村民张三反映路灯坏了')).toBe(`村民${M.name}反映路灯坏了`);
    expect(scrub('住石桥村张三家门口')).toBe(`住石桥村${M.name}家门口`);
    expect(scrub('王大爷家门口的路灯')).toBe(`${M.name}大爷家门口的路灯`);
    expect(scrub('老张家的狗')).toBe(`${M.name}家的狗`);
    expect(scrub('户主 欧阳娜娜')).toBe(`户主 ${M.name}`);
    expect(scrub('当事人张三和李四、王五')).toBe(`当事人${M.name}和${M.name}、${M.name}`);
    expect(scrub('张三反映路灯不亮')).toBe(`${M.name}反映路灯不亮`);
  });

  it('leaves words that only look like names, and kept place names', () => {
    for (const kept of [
      '文明家庭评选',
      '党员同志',
      '我是石桥村村民',
      '居民安全问题',
      '石桥村村委会',
    ])
      expect(scrub(kept)).toBe(kept);
  });

  it('takes the order’s own known names anywhere, and invisible characters cannot split a number', () => {
    expect(scrub('诸葛亮说路灯坏了', ['诸葛亮'])).toBe(`${M.name}说路灯坏了`);
    expect(scrub('电话138\u200b1234\u200b5678')).toBe(`电话${M.number}`);
  });

  it('counts what it took and is idempotent', () => {
    const r = scrubPersonalData('我叫张三，电话13812345678，住5组12号', { keep });
    expect(r.removed).toEqual({ numbers: 1, houses: 1, names: 1 });
    expect(scrub(r.text)).toBe(r.text);
  });
});

describe('a handler’s reply', () => {
  it('takes the names of people the handler called or met, not the words around them', () => {
    expect(scrub('已联系王小明，路灯已更换')).toBe(`已联系${M.name}，路灯已更换`);
    expect(scrub('经与李建国沟通，同意整改')).toBe(`经与${M.name}沟通，同意整改`);
    expect(scrub('已告知联系方式：12345热线')).toBe('已告知联系方式：12345热线');
    expect(scrub('已联系施工方，明天修复')).toBe('已联系施工方，明天修复');
  });
});

describe('names in everyday turns of phrase', () => {
  it('takes a person asked for, or whose home, land or phone is meant', () => {
    expect(scrub('有事找梁霞，或问李四')).toBe(`有事找${M.name}，或问${M.name}`);
    expect(scrub('王五的房子漏雨')).toBe(`${M.name}的房子漏雨`);
    expect(scrub('和村干部商量')).toBe('和村干部商量');
  });
});
