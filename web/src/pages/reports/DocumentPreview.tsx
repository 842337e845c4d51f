/** A report document shown read-only: numbered headings, paragraphs, number chips as blue tags. */
import { Tag } from 'antd';
import type { ReportDocument } from '../../api/reports.ts';
import { headingMarkers } from './outlineOps.ts';

export function DocumentPreview({ doc }: { doc: ReportDocument }) {
  const markers = headingMarkers(doc.sections);
  return (
    <div className="report-preview" data-testid="document-preview">
      <h2 className="report-title">{doc.title}</h2>
      {doc.byline && <div className="report-byline">{doc.byline}</div>}
      {doc.sections.map((s, i) => (
        <section key={s.id} data-section-kind={s.kind}>
          {s.level > 0 && s.heading && (
            <div className={`report-heading level-${s.level}`}>
              {markers[i]}
              {s.heading}
            </div>
          )}
          {s.paragraphs.map((p, j) => (
            <p key={j}>
              {p.inlines.map((x, k) =>
                x.type === 'text' ? (
                  <span key={k}>{x.text}</span>
                ) : (
                  <Tag
                    key={k}
                    color={x.value === null ? 'orange' : 'blue'}
                    className="preview-chip"
                  >
                    {x.display}
                  </Tag>
                ),
              )}
            </p>
          ))}
        </section>
      ))}
    </div>
  );
}
