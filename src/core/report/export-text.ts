/**
 * Markdown and HTML export of a duty report: numbered headings, one paragraph per block, number
 * chips rendered as their display text (HTML keeps the metric link in data attributes).
 */
import { headingMarkers, type Inline, type ReportDocument } from './model.ts';

export function exportMarkdown(doc: ReportDocument): string {
  const markers = headingMarkers(doc.sections);
  const lines = doc.header ? [doc.header.issuer, '', doc.header.docNumber, '', '---', ''] : [];
  lines.push(`# ${doc.title}`, '');
  if (doc.byline) lines.push(doc.byline, '');
  doc.sections.forEach((s, i) => {
    if (s.level > 0 && s.heading !== '')
      lines.push(`${'#'.repeat(Math.min(s.level + 1, 6))} ${markers[i]}${s.heading}`, '');
    for (const p of s.paragraphs) {
      lines.push(
        p.inlines.map((x) => (x.type === 'text' ? escapeMarkdown(x.text) : x.display)).join(''),
        '',
      );
    }
  });
  if (doc.signature) lines.push('', doc.signature.issuer, '', doc.signature.date, '');
  return lines.join('\n');
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_#[\]<>])/gu, '\\$1');
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;');
}

function inlineHtml(i: Inline): string {
  if (i.type === 'text') return escapeHtml(i.text);
  const params = escapeHtml(JSON.stringify(i.params));
  return (
    `<span class="metric" data-metric-id="${escapeHtml(i.metricId)}" data-params="${params}">` +
    `${escapeHtml(i.display)}</span>`
  );
}

const STYLE = [
  'body{max-width:42em;margin:2em auto;font-family:"仿宋_GB2312","FangSong",serif;font-size:16pt;line-height:1.8}',
  'h1{font-family:"方正小标宋简体","SimSun",serif;font-size:22pt;font-weight:normal;text-align:center}',
  '.byline{text-align:center;font-family:"楷体_GB2312","KaiTi",serif}',
  'h2{font-family:"黑体","SimHei",sans-serif;font-size:16pt;font-weight:normal;text-indent:2em}',
  'h3{font-family:"楷体_GB2312","KaiTi",serif;font-size:16pt;font-weight:normal;text-indent:2em}',
  'h4,h5{font-size:16pt;font-weight:normal;text-indent:2em}',
  'p{text-indent:2em;margin:0;text-align:justify}',
  '.issuer{text-align:center;text-indent:0;color:#e00;font-size:36pt;',
  'font-family:"方正小标宋简体","SimSun",serif}',
  '.doc-number{text-align:center;text-indent:0;padding-bottom:4mm;border-bottom:1.5pt solid #e00;',
  'margin-bottom:2em}',
  '.signature{text-align:right;text-indent:0;padding-right:4em}.signature.date{padding-right:2em}',
].join('');

/** A standalone HTML page (no external assets: government intranets are offline). */
export function exportHtml(doc: ReportDocument): string {
  const markers = headingMarkers(doc.sections);
  const body: string[] = doc.header
    ? [
        `<p class="issuer">${escapeHtml(doc.header.issuer)}</p>`,
        `<p class="doc-number">${escapeHtml(doc.header.docNumber)}</p>`,
      ]
    : [];
  body.push(`<h1>${escapeHtml(doc.title)}</h1>`);
  if (doc.byline) body.push(`<p class="byline">${escapeHtml(doc.byline)}</p>`);
  doc.sections.forEach((s, i) => {
    if (s.level > 0 && s.heading !== '') {
      const tag = `h${Math.min(s.level + 1, 5)}`;
      body.push(
        `<${tag} id="${escapeHtml(s.id)}">${escapeHtml(`${markers[i]}${s.heading}`)}</${tag}>`,
      );
    }
    for (const p of s.paragraphs) body.push(`<p>${p.inlines.map(inlineHtml).join('')}</p>`);
  });
  if (doc.signature) {
    body.push(
      `<p class="signature" style="margin-top:1.8em">${escapeHtml(doc.signature.issuer)}</p>`,
    );
    body.push(`<p class="signature date">${escapeHtml(doc.signature.date)}</p>`);
  }
  const head = `<meta charset="utf-8"><title>${escapeHtml(doc.title)}</title><style>${STYLE}</style>`;
  return (
    `<!DOCTYPE html>\n<html lang="zh-CN"><head>${head}</head>\n` +
    `<body>\n${body.join('\n')}\n</body></html>\n`
  );
}
