/**
 * An imported past report as read: its headings, and its paragraphs with every number the parser
 * found marked (value, unit and what it counted in the tooltip), every placeholder (`**`, XX,
 * ×, 某某) marked red and every redaction (a single `*` hiding a name) marked grey. A section's
 * closing paragraphs follow its subsections; the report's closing words come last. Offsets come
 * from the server's parse; nothing is re-parsed here.
 */
import type { ReactNode } from 'react';
import { Tooltip } from 'antd';
import type {
  ImportedNumber,
  ImportedPlaceholder,
  ImportedReport,
  ParsedSection,
} from './reportAdminApi.ts';

interface Mark {
  start: number;
  end: number;
  kind: 'number' | 'placeholder' | 'redaction';
  tip: string;
}

const TEST_ID: Record<Mark['kind'], string> = {
  number: 'number-mark',
  placeholder: 'placeholder-mark',
  redaction: 'redaction-mark',
};

function marksOf(r: ImportedReport): Mark[] {
  const numbers = r.outline.numbers.map((n: ImportedNumber): Mark => ({
    start: n.offset,
    end: n.offset + n.raw.length,
    kind: n.placeholder ? 'placeholder' : 'number',
    tip: n.placeholder
      ? `数字未填写：${n.subject || '（未识别对象）'}`
      : `${n.value ?? '—'}${n.unit} · ${n.subject || '（未识别对象）'}`,
  }));
  const placeholders = r.outline.placeholders.map((p: ImportedPlaceholder): Mark => ({
    start: p.offset,
    end: p.offset + p.token.length,
    kind: 'placeholder',
    tip: `占位符“${p.token}”：${p.context}`,
  }));
  const redactions = (r.outline.redactions ?? []).map((p): Mark => ({
    start: p.offset,
    end: p.offset + p.token.length,
    kind: 'redaction',
    tip: `脱敏：原文用“*”隐去了人名或地名（${p.context}），不是漏填的内容`,
  }));
  // A number that is itself a placeholder (**次) is shown once, as the number with its subject.
  const all = [...numbers, ...placeholders, ...redactions].sort(
    (a, b) => a.start - b.start || b.end - a.end,
  );
  const out: Mark[] = [];
  for (const m of all) if (!out.length || m.start >= out[out.length - 1]!.end) out.push(m);
  return out;
}

function highlighted(text: string, offset: number, marks: Mark[]): ReactNode[] {
  const inside = marks.filter((m) => m.start >= offset && m.end <= offset + text.length);
  const parts: ReactNode[] = [];
  let at = 0;
  inside.forEach((m, i) => {
    const s = m.start - offset;
    if (s > at) parts.push(text.slice(at, s));
    parts.push(
      <Tooltip key={i} title={m.tip}>
        <mark className={`import-mark ${m.kind}`} data-testid={TEST_ID[m.kind]}>
          {text.slice(s, m.end - offset)}
        </mark>
      </Tooltip>,
    );
    at = m.end - offset;
  });
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

function SectionView({ s, marks }: { s: ParsedSection; marks: Mark[] }) {
  if (s.level === 4) return null; // 一是/二是 items live inside their paragraphs
  return (
    <div className={`import-section level-${s.level}`}>
      <div className={`import-heading level-${s.level}`}>
        {s.marker}
        {s.heading}
      </div>
      {s.paragraphs.map((p, i) => (
        <p key={i}>{highlighted(p.text, p.offset, marks)}</p>
      ))}
      {s.children.map((c, i) => (
        <SectionView key={i} s={c} marks={marks} />
      ))}
      {(s.trailing ?? []).map((p, i) => (
        <p key={`t${i}`}>{highlighted(p.text, p.offset, marks)}</p>
      ))}
    </div>
  );
}

export function ImportedTextView({ report }: { report: ImportedReport }) {
  const marks = marksOf(report);
  return (
    <div className="import-text" data-testid="import-text">
      {report.outline.title && <h2 className="import-title">{report.outline.title}</h2>}
      {report.outline.preamble.map((p, i) => (
        <p key={i}>{highlighted(p.text, p.offset, marks)}</p>
      ))}
      {report.outline.sections.map((s, i) => (
        <SectionView key={i} s={s} marks={marks} />
      ))}
      {(report.outline.closing ?? []).map((p, i) => (
        <p key={`c${i}`} className="import-closing">
          {highlighted(p.text, p.offset, marks)}
        </p>
      ))}
    </div>
  );
}
