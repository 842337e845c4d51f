/**
 * 润色 by the town's own language model, made safe for figures: a section travels to the model
 * as text in which every number chip is a locked token `{{n|display}}`; what comes back is
 * accepted only when every token is there exactly once, unchanged and in its order, and the
 * numbers written as plain words are the same as before (none added, dropped, changed, given
 * another unit or spelled another way — 十二 for 12). The result is rebuilt from the original
 * chips, so a rephrased section's figures stay live and traceable.
 */
import type { Inline, MetricChip, Paragraph, Section } from './model.ts';
import { parseChineseNumeral } from './numerals.ts';
import { COUNT_UNITS, extractNumbers } from './parse-numbers.ts';

/** The section as the model sees it, and the chips its tokens stand for (index = n − 1). */
export interface LockedSection {
  text: string;
  chips: MetricChip[];
}

const TOKEN_RE = /\{\{\s*(\d+)\s*\|([^{}]*)\}\}/gu;
/** Anything that looks like a token but is not one (a damaged brace pair). */
const BROKEN_TOKEN_RE = /\{\{|\}\}/u;

export function lockSection(section: Section): LockedSection {
  const chips: MetricChip[] = [];
  const lines = section.paragraphs.map((p) =>
    p.inlines
      .map((i) => {
        if (i.type === 'text') return i.text.replace(/[{}]/gu, '');
        chips.push(i);
        return `{{${chips.length}|${i.display}}}`;
      })
      .join(''),
  );
  return { text: lines.join('\n'), chips };
}

/** The instruction given to the model with the locked text. */
export function rephrasePrompt(heading: string, locked: LockedSection): string {
  return [
    '请润色下面这段乡镇干部述职报告的正文，使语句更通顺、更像正式公文，不改变事实。',
    '要求：',
    '1. 形如 {{1|12次}} 的标记是系统锁定的数字，必须原样保留，每个标记出现且只出现一次，先后顺序不变，不得改写成汉字或其他写法；',
    '2. 标记之外不得增加、删除或改动任何数字、日期、单位；',
    '3. 保持段落数量和分段；只输出润色后的正文，不要标题、解释或其他内容。',
    heading ? `本节标题：${heading}` : '',
    '正文：',
    locked.text,
  ]
    .filter(Boolean)
    .join('\n');
}

/** Reasoning models (DeepSeek-R1, Qwen3) may put their thinking first; fences may wrap the text. */
export function cleanModelText(raw: string): string {
  return raw
    .replace(/<think>[\s\S]*?<\/think>/gu, '')
    .replace(/^\s*```[a-z]*\n?/u, '')
    .replace(/\n?```\s*$/u, '')
    .trim();
}

interface Token {
  index: number;
  display: string;
  start: number;
  end: number;
}

function tokensOf(text: string): Token[] {
  return [...text.matchAll(TOKEN_RE)].map((m) => ({
    index: Number(m[1]),
    display: m[2]!.trim(),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

function withoutTokens(text: string): string {
  return text.replace(TOKEN_RE, '\n');
}

/** A figure's number and unit: "1,200.5万元" → 1200.5, "万元". */
function split(display: string): { value: number | null; unit: string } {
  const m = /^(\d[\d,]*(?:\.\d+)?)(.*)$/u.exec(display.trim());
  if (!m) return { value: null, unit: display.trim() };
  return { value: Number(m[1]!.replaceAll(',', '')), unit: m[2]!.trim() };
}

/** Plain-word numbers of a text, as comparable strings: counted mentions and bare digit runs. */
function plainNumbers(text: string): string[] {
  const rest = withoutTokens(text);
  const mentions = extractNumbers(rest).map((m) => m.raw);
  const digits = [...rest.matchAll(/\d+(?:\.\d+)?/gu)].map((m) => m[0]);
  return [...mentions.map((m) => `计:${m}`), ...digits.map((d) => `数:${d}`)];
}

function multisetMinus(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  return a.filter((x) => {
    const n = left.get(x) ?? 0;
    if (n > 0) {
      left.set(x, n - 1);
      return false;
    }
    return true;
  });
}

const shown = (key: string) => key.slice(2);

const MAGNITUDE: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3 };
/** A figure's amount in base units: 35.5万元 → 355000. */
const amountOf = (value: number, unit: string) => value * (MAGNITUDE[unit[0] ?? ''] ?? 1);
const same = (a: number, b: number) => Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(a));

/** Numbers the rewrite writes out (digits or Chinese numerals) that the original did not. */
function newMentions(before: string, after: string): Array<{ raw: string; amount: number }> {
  const mentions = (text: string) =>
    extractNumbers(withoutTokens(text)).filter((m) => m.value !== null);
  const extra = multisetMinus(
    mentions(after).map((m) => m.raw),
    mentions(before).map((m) => m.raw),
  );
  const found = mentions(after)
    .filter((m) => extra.includes(m.raw))
    .map((m) => ({ raw: m.raw, amount: amountOf(m.value!, m.unit) }));
  const spelled = newSpelled(before, after).map((n) => ({ raw: n.raw, amount: n.value }));
  return [...found, ...spelled];
}

const CN_RUN = /[零〇一二两三四五六七八九十百千万亿]+/gu;

/** Numbers written in Chinese numerals (十二次, 三个): raw with what follows, and value. */
function spelledNumbers(text: string): Array<{ raw: string; value: number; counted: boolean }> {
  return [...text.matchAll(CN_RUN)].flatMap((m) => {
    const value = parseChineseNumeral(m[0]);
    if (value === null || value < 2) return [];
    const after = text.slice(m.index + m[0].length);
    const unit = COUNT_UNITS.find((u) => after.startsWith(u));
    return [{ raw: `${m[0]}${unit ?? ''}`, value, counted: unit !== undefined }];
  });
}

/** Chinese-numeral numbers the rewrite has and the original had not. */
function newSpelled(before: string, after: string) {
  const was = spelledNumbers(withoutTokens(before)).map((n) => n.raw);
  const now = spelledNumbers(withoutTokens(after));
  const extra = multisetMinus(
    now.map((n) => n.raw),
    was,
  );
  return now.filter((n) => {
    const at = extra.indexOf(n.raw);
    if (at < 0) return false;
    extra.splice(at, 1);
    return true;
  });
}

function tokenProblems(
  locked: LockedSection,
  tokens: Token[],
  text: string,
  explained: Set<string>,
): string[] {
  const problems: string[] = [];
  const written = newMentions(locked.text, text);
  locked.chips.forEach((chip, i) => {
    const mine = tokens.filter((t) => t.index === i + 1);
    if (mine.length > 1) problems.push(`数字“${chip.display}”被重复写了${mine.length}次`);
    if (mine.length === 0) {
      const other =
        chip.value === null
          ? undefined
          : written.find(
              (m) =>
                same(m.amount, amountOf(chip.value!, chip.unit)) || same(m.amount, chip.value!),
            );
      if (other) explained.add(other.raw);
      problems.push(
        other
          ? `数字“${chip.display}”被改写成了“${other.raw}”，数字须保持原样`
          : `数字“${chip.display}”被删掉了`,
      );
    }
    for (const t of mine) {
      if (t.display === chip.display) continue;
      const was = split(chip.display);
      const now = split(t.display);
      problems.push(
        was.value !== null && was.value === now.value && was.unit !== now.unit
          ? `数字“${chip.display}”的单位被改成了“${now.unit || '（无单位）'}”`
          : `数字“${chip.display}”被改成了“${t.display}”`,
      );
    }
  });
  for (const t of tokens)
    if (t.index < 1 || t.index > locked.chips.length)
      problems.push(`多出了一个系统中没有的数字“${t.display}”`);
  return problems;
}

/** Tokens present once each but in another order: two figures changed places. */
function orderProblems(locked: LockedSection, tokens: Token[]): string[] {
  const once = tokens.filter(
    (t) => tokens.filter((u) => u.index === t.index).length === 1 && t.index <= locked.chips.length,
  );
  const order = once.map((t) => t.index);
  for (let k = 1; k < order.length; k++) {
    if (order[k]! < order[k - 1]!) {
      const a = locked.chips[order[k]! - 1]!.display;
      const b = locked.chips[order[k - 1]! - 1]!.display;
      return [`数字“${a}”和“${b}”的位置被调换了，数字须留在原来的句子里`];
    }
  }
  return [];
}

function plainProblems(before: string, after: string, explained: Set<string>): string[] {
  const spelled = newSpelled(before, after)
    .filter((n) => n.counted && !explained.has(n.raw))
    .map((n) => `多出了原文没有的数字“${n.raw}”`);
  const was = plainNumbers(before);
  const now = plainNumbers(after);
  const added = multisetMinus(now, was).filter(
    (k) => k.startsWith('计:') && !explained.has(shown(k)),
  );
  const dropped = multisetMinus(was, now).filter((k) => k.startsWith('计:'));
  const addedDigits = multisetMinus(now, was).filter(
    (k) => k.startsWith('数:') && ![...explained].some((raw) => raw.includes(shown(k))),
  );
  const droppedDigits = multisetMinus(was, now).filter((k) => k.startsWith('数:'));
  const problems = [
    ...spelled,
    ...added.map((k) => `多出了原文没有的数字“${shown(k)}”`),
    ...dropped.map((k) => `原文中的数字“${shown(k)}”被删掉或改动了`),
  ];
  if (problems.length === 0) {
    problems.push(...addedDigits.map((k) => `多出了原文没有的数字“${shown(k)}”`));
    problems.push(...droppedDigits.map((k) => `原文中的数字“${shown(k)}”被删掉或改动了`));
  }
  return problems;
}

export type GuardResult = { ok: true; paragraphs: Paragraph[] } | { ok: false; problems: string[] };

/**
 * Checks a rewrite against the locked section. Accepted, it becomes paragraphs whose chips are
 * the section's own chip objects (values, metrics and parameters untouched).
 */
export function guardRewrite(locked: LockedSection, rewrite: string): GuardResult {
  const text = cleanModelText(rewrite);
  if (text === '') return { ok: false, problems: ['改写服务没有返回任何内容'] };
  const tokens = tokensOf(text);
  const rest = withoutTokens(text);
  /** Written-out numbers already named as a chip rewritten (not reported again as added). */
  const explained = new Set<string>();
  const problems = [
    ...(BROKEN_TOKEN_RE.test(rest) ? ['有数字标记被改坏了'] : []),
    ...tokenProblems(locked, tokens, text, explained),
  ];
  if (problems.length === 0) problems.push(...orderProblems(locked, tokens));
  problems.push(...plainProblems(locked.text, text, explained));
  if (problems.length > 0) return { ok: false, problems: [...new Set(problems)] };
  return { ok: true, paragraphs: rebuild(text, locked.chips) };
}

function rebuild(text: string, chips: MetricChip[]): Paragraph[] {
  return text
    .split(/\n+/u)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const inlines: Inline[] = [];
      let at = 0;
      for (const t of tokensOf(line)) {
        if (t.start > at) inlines.push({ type: 'text', text: line.slice(at, t.start) });
        inlines.push(chips[t.index - 1]!);
        at = t.end;
      }
      if (at < line.length) inlines.push({ type: 'text', text: line.slice(at) });
      return { inlines };
    });
}
