/** 检查 — the server's lint findings for a report: severity, section, message; click to jump to the section. */
import { Button, Drawer, Empty, Space, Spin, Table, Tag } from 'antd';
import type { LintIssue, LintResult, ReportSection } from '../../api/reports.ts';

const SEVERITY: Record<LintIssue['severity'], { label: string; color: string }> = {
  error: { label: '错误', color: 'red' },
  warning: { label: '警告', color: 'orange' },
  info: { label: '提示', color: 'blue' },
};

interface Props {
  result: LintResult | null;
  loading: boolean;
  sections: ReportSection[];
  onClose: () => void;
  onJump: (sectionId: string) => void;
  /** 改为引用指标: replace a hand-typed number the lint could not trace with a chip. */
  onToChip?: (issue: LintIssue & { text: string }) => void;
}

export function LintDrawer({ result, loading, sections, onClose, onJump, onToChip }: Props) {
  const heading = new Map(sections.map((s) => [s.id, s.heading || '（开头）']));
  return (
    <Drawer open={!!result || loading} onClose={onClose} size="large" width={720} title="报告检查">
      {loading && <Spin style={{ display: 'block', margin: '40px auto' }} />}
      {result && (
        <>
          <Space style={{ marginBottom: 12 }}>
            <Tag color="red">错误 {result.counts.error}</Tag>
            <Tag color="orange">警告 {result.counts.warning}</Tag>
            <Tag color="blue">提示 {result.counts.info}</Tag>
          </Space>
          {result.issues.length === 0 ? (
            <Empty description="未发现问题" />
          ) : (
            <Table<LintIssue>
              rowKey={(r, i) => `${r.code}-${i}`}
              data-testid="lint-issues"
              size="small"
              pagination={false}
              dataSource={result.issues}
              onRow={(r) => ({
                onClick: () => r.sectionId && onJump(r.sectionId),
                style: { cursor: r.sectionId ? 'pointer' : undefined },
              })}
              columns={[
                {
                  title: '级别',
                  dataIndex: 'severity',
                  width: 70,
                  render: (s: LintIssue['severity']) => (
                    <Tag color={SEVERITY[s].color}>{SEVERITY[s].label}</Tag>
                  ),
                },
                {
                  title: '章节',
                  dataIndex: 'sectionId',
                  width: 180,
                  render: (id: string | null) => (id ? (heading.get(id) ?? id) : '全文'),
                },
                {
                  title: '问题',
                  dataIndex: 'message',
                  render: (m: string, r) => {
                    const text = (r as LintIssue & { text?: string }).text;
                    if (!onToChip || r.code !== 'untraceable_number' || !text || !r.sectionId)
                      return m;
                    return (
                      <Space orientation="vertical" size={0}>
                        {m}
                        <Button
                          type="link"
                          size="small"
                          style={{ padding: 0 }}
                          data-testid="lint-to-chip"
                          onClick={(e) => {
                            e.stopPropagation();
                            onToChip({ ...r, text });
                          }}
                        >
                          改为引用指标
                        </Button>
                      </Space>
                    );
                  },
                },
              ]}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
