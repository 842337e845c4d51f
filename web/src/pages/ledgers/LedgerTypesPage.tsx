/**
 * 台账目录 — the ledger types the user may see, grouped by the portfolio (分管领域) that owns
 * them. Admins can start a new ledger type from here (form builder, no JSON).
 */
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Col, Empty, Input, Row, Space, Tag, Typography } from 'antd';
import { BookOutlined, PlusOutlined } from '@ant-design/icons';
import { ledgersApi, type LedgerTypeSummary } from '../../api/ledgers.ts';
import { useSession } from '../../session/session.tsx';
import { usePortfolios } from '../org/useOrgData.ts';
import { useLoader } from '../../api/useLoader.ts';

export default function LedgerTypesPage() {
  const { townId, isAdmin } = useSession();
  const types = useLoader((signal) => ledgersApi.types(townId, signal), [townId]);
  const portfolios = usePortfolios();
  const [q, setQ] = useState('');

  const groups = useMemo(() => {
    const name = new Map((portfolios.data ?? []).map((p) => [p.code, p.name]));
    const order = new Map((portfolios.data ?? []).map((p, i) => [p.code, i]));
    const byPortfolio = new Map<string, LedgerTypeSummary[]>();
    for (const t of types.data?.items ?? []) {
      if (q && !t.name.includes(q) && !t.description.includes(q)) continue;
      byPortfolio.set(t.portfolio, [...(byPortfolio.get(t.portfolio) ?? []), t]);
    }
    return (
      [...byPortfolio]
        // A portfolio the list does not name is not shown by its code (an English key).
        .map(([code, items]) => ({ code, name: name.get(code) ?? '其他台账', items }))
        .sort((a, b) => (order.get(a.code) ?? 99) - (order.get(b.code) ?? 99))
    );
  }, [types.data, portfolios.data, q]);

  return (
    <Card
      title="台账"
      // Both lists first: groups drawn before the portfolio names arrive would be headed by codes.
      loading={(types.loading && !types.data) || (portfolios.loading && !portfolios.data)}
      extra={
        <Space>
          <Input.Search
            placeholder="查找台账"
            allowClear
            style={{ width: 220 }}
            onSearch={(v) => setQ(v.trim())}
          />
          {isAdmin && (
            <Link to="/ledgers/new-type">
              <Button type="primary" icon={<PlusOutlined />}>
                新建台账类型
              </Button>
            </Link>
          )}
        </Space>
      }
    >
      {groups.length === 0 && <Empty description={q ? '没有匹配的台账' : '您暂无可查看的台账'} />}
      {groups.map((g) => (
        <section key={g.code} style={{ marginBottom: 24 }} data-testid="ledger-group">
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {g.name}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal' }}>
              {g.items.length} 个台账
            </Typography.Text>
          </Typography.Title>
          <Row gutter={[12, 12]}>
            {g.items.map((t) => (
              <Col key={t.code} xs={24} sm={12} lg={8} xxl={6}>
                <Link to={`/ledgers/${t.code}`} data-testid="ledger-type-link">
                  <Card size="small" hoverable style={{ height: '100%' }}>
                    <Space align="start">
                      <BookOutlined style={{ fontSize: 18, color: '#c8102e', marginTop: 3 }} />
                      <div>
                        <Typography.Text strong>{t.name}</Typography.Text>
                        <Typography.Paragraph
                          type="secondary"
                          ellipsis={{ rows: 2 }}
                          style={{ margin: '4px 0', fontSize: 13 }}
                        >
                          {t.description || '—'}
                        </Typography.Paragraph>
                        <Tag>{t.fieldCount} 个字段</Tag>
                        {t.metricCount > 0 && <Tag color="blue">{t.metricCount} 个指标</Tag>}
                      </div>
                    </Space>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </section>
      ))}
    </Card>
  );
}
