/**
 * 民主测评结果 on a person's report page (small, read-only): the person's share of each grade in
 * the closed rounds of the report's year (or earlier ones, newest first, when that year has none).
 * Shows nothing while loading, when there is no result, or when the caller may not read it.
 */
import { Card, Descriptions } from 'antd';
import { useEffect, useState } from 'react';
import { appraisalApi, type PersonResult } from '../../api/appraisal.ts';

export function AppraisalResultCard({
  townId,
  personId,
  year,
}: {
  townId: string;
  personId: string | null | undefined;
  year: number;
}) {
  const [results, setResults] = useState<PersonResult[]>([]);
  useEffect(() => {
    if (!personId) return;
    let live = true;
    appraisalApi.personResults(townId, personId).then(
      (r) => live && setResults(r.items),
      () => live && setResults([]),
    );
    return () => {
      live = false;
    };
  }, [townId, personId]);
  const shown = results.filter((r) => r.year === year);
  const list = (shown.length ? shown : results).slice(0, 2);
  if (!personId || !list.length) return null;
  return (
    <Card
      size="small"
      title="民主测评结果"
      style={{ marginTop: 12 }}
      data-testid="appraisal-result"
    >
      <Descriptions column={1} size="small">
        {list.map((r) => (
          <Descriptions.Item key={r.roundId} label={r.title}>
            {r.grades.map((g) => `${g.label}${g.count}票（${g.percent}%）`).join('，')}
            ，有效票{r.ballots}张
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}
