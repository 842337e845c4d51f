/**
 * What the importer found in a past report, each count saying what it counts: the filled-in
 * figures (the 数字 tab lists these and the blank ones), the placeholders left unfilled (`**`, XX,
 * ×, 某某 — a blank figure such as "**次" is one of them too), and the redactions (a single `*`
 * hiding a name or place: no gap, shown apart so a complete report is not called unfinished).
 */
import { Alert, Card, Col, Row, Space, Statistic, Typography } from 'antd';
import type { ImportedReport } from './reportAdminApi.ts';

export function ImportFigures({ outline: o }: { outline: ImportedReport['outline'] }) {
  const filled = o.numbers.filter((n) => !n.placeholder).length;
  const blank = o.numbers.length - filled;
  const redactions = o.redactions?.length ?? 0;
  const card = (testId: string, body: React.ReactNode, note?: string) => (
    <Col flex="1" style={{ minWidth: 160 }}>
      <Card size="small" data-testid={testId} style={{ height: '100%' }}>
        {body}
        {note && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {note}
          </Typography.Text>
        )}
      </Card>
    </Col>
  );
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Row gutter={12} wrap>
        {card(
          'import-headings',
          <Statistic title="一级标题" value={o.sections.length} suffix="个" />,
        )}
        {card(
          'import-filled-numbers',
          <Statistic title="已填写的数字" value={filled} suffix="处" />,
          blank ? `另有 ${blank} 处数字未填写，计入占位符` : '没有未填写的数字',
        )}
        {card(
          'import-placeholders',
          <Statistic
            title="未填写的占位符"
            value={o.placeholders.length}
            suffix="处"
            styles={{ content: { color: o.placeholders.length ? '#cf1322' : undefined } }}
          />,
          '**、XX、×、某某',
        )}
        {card(
          'import-redactions',
          <Statistic title="脱敏处理" value={redactions} suffix="处" />,
          '单个 * 隐去的人名、地名，不是漏填',
        )}
        {card(
          'import-title',
          <Statistic
            title="报告标题"
            value={o.title ?? '（未识别）'}
            styles={{ content: { fontSize: 16 } }}
          />,
        )}
      </Row>
      {o.placeholders.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`这份报告有 ${o.placeholders.length} 处内容当年未填写（红色标出），今年请用台账数据补齐。`}
        />
      )}
      {redactions > 0 && (
        <Alert
          type="info"
          showIcon
          title={`另有 ${redactions} 处用单个 * 隐去了人名或地名（灰色虚线标出），这是脱敏，不是漏填。`}
        />
      )}
    </Space>
  );
}
