/** 报告模板 (admins): the town's templates by role — the built-in ten and any seeded from past reports. */
import { Link } from 'react-router-dom';
import { Card, Space, Table, Tag, Typography } from 'antd';
import { useSession } from '../../session/session.tsx';
import { formatDateTime } from '../../lib/time.ts';
import { useLoader } from '../../api/useLoader.ts';
import { reportAdminApi, type ReportTemplate } from './reportAdminApi.ts';
import { kindLabel, ROLE_LABELS } from './templateOps.ts';

export default function TemplatesPage() {
  const { townId } = useSession();
  const list = useLoader(() => reportAdminApi.templates(townId), [townId]);
  const items = [...(list.data?.items ?? [])].sort(
    (a, b) => Number(a.role === null) - Number(b.role === null),
  );
  return (
    <Card
      title="报告模板"
      extra={
        <Space>
          <Link to="/reports">述职报告</Link>
          <Link to="/reports/import">往年报告对照</Link>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        每个岗位一套模板，决定述职报告有哪些部分、先后顺序、是否必需和篇幅。按岗位起草初稿时使用；修改后新起草的报告按新模板生成，报告检查也按模板核对。
      </Typography.Paragraph>
      <Table<ReportTemplate>
        rowKey="id"
        data-testid="template-list"
        loading={list.loading}
        dataSource={items}
        pagination={false}
        columns={[
          {
            title: '适用岗位',
            dataIndex: 'role',
            width: 140,
            render: (r: string | null) => (r ? (ROLE_LABELS[r] ?? r) : <Tag>导入生成</Tag>),
          },
          {
            title: '模板名称',
            dataIndex: 'name',
            width: 200,
            render: (n: string, t) => <Link to={`/reports/templates/${t.id}`}>{n}</Link>,
          },
          {
            title: '结构',
            key: 'sections',
            render: (_, t) => (
              <Space size={[4, 4]} wrap>
                {t.definition.sections
                  .filter((s) => !s.omitted)
                  .map((s) => (
                    <Tag key={s.id}>
                      {kindLabel(s.kind).replace(/（.*）/u, '')}
                      {s.covers.length
                        ? `+${s.covers.map((c) => kindLabel(c).replace(/（.*）/u, '')).join('+')}`
                        : ''}
                    </Tag>
                  ))}
              </Space>
            ),
          },
          {
            title: '修改次数',
            dataIndex: 'version',
            width: 90,
            render: (v: number) => `${v - 1} 次`,
          },
          {
            title: '更新时间',
            dataIndex: 'updatedAt',
            width: 170,
            render: (t: string) => formatDateTime(t),
          },
          {
            title: '',
            key: 'op',
            width: 70,
            render: (_, t) => <Link to={`/reports/templates/${t.id}`}>编辑</Link>,
          },
        ]}
      />
    </Card>
  );
}
