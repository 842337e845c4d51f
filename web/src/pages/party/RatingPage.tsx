/**
 * 党支部星级评定: every branch's stars of the last five years, this year's total and stars, and
 * 晋位升级 against last year; the organisation work rates a branch (RatingModal). The indicator
 * set and the star thresholds of the year are shown above the table.
 */
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Card, Rate, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { partyApi } from '../../api/party.ts';
import { ratingApi, type BranchRating, type RatingScheme } from '../../api/rating.ts';
import { useLoader } from '../../api/useLoader.ts';
import { currentYear } from '../../lib/time.ts';
import { useSession } from '../../session/session.tsx';
import { RatingModal } from './RatingModal.tsx';
import { SchemeModal } from './SchemeModal.tsx';

export function Movement({ value }: { value: 'up' | 'down' | 'same' | null }) {
  if (value === 'up')
    return (
      <Tag color="green" icon={<ArrowUpOutlined />}>
        晋位
      </Tag>
    );
  if (value === 'down')
    return (
      <Tag color="red" icon={<ArrowDownOutlined />}>
        降位
      </Tag>
    );
  return <Tag>{value === 'same' ? '持平' : '上年未评'}</Tag>;
}

const stars = (n: number | null) => (n ? '★'.repeat(n) : '—');

function SchemeLine({ scheme }: { scheme: RatingScheme }) {
  const lines = [...scheme.thresholds]
    .sort((a, b) => b.stars - a.stars)
    .map((t) => `${t.stars}星 ${t.minScore}分以上`)
    .join('，');
  return (
    <Typography.Paragraph type="secondary">
      评定指标：{scheme.indicators.map((i) => `${i.name}（权重${i.weight}）`).join('、')}
      ；各项按百分制打分，加权得综合得分。星级分数线：{lines}。
    </Typography.Paragraph>
  );
}

function columns(
  years: number[],
  manage: boolean,
  open: (b: BranchRating) => void,
): ColumnsType<BranchRating> {
  return [
    { title: '党支部', dataIndex: 'branchName', fixed: 'left' },
    ...years.map((year, i) => ({
      title: `${year}年`,
      key: `y${year}`,
      render: (_: unknown, b: BranchRating) => stars(b.history[i]!.stars),
    })),
    {
      title: '本年度得分',
      key: 'total',
      render: (_, b) => (b.rating ? `${b.rating.total}分` : '未评定'),
    },
    {
      title: '本年度星级',
      key: 'stars',
      render: (_, b) => (b.rating ? <Rate disabled value={b.rating.stars} count={5} /> : '—'),
    },
    {
      title: '较上年',
      key: 'movement',
      render: (_, b) => (b.rating ? <Movement value={b.rating.movement} /> : null),
    },
    {
      title: '操作',
      key: 'act',
      render: (_, b) => (
        <Button size="small" onClick={() => open(b)}>
          {!manage ? '查看' : b.rating ? '查看/修改' : '评定'}
        </Button>
      ),
    },
  ];
}

export default function RatingPage() {
  const { townId } = useSession();
  const [year, setYear] = useState(currentYear());
  const [rating, setRating] = useState<BranchRating | null>(null);
  const [editScheme, setEditScheme] = useState(false);
  const data = useLoader(() => ratingApi.ratings(townId, year), [townId, year]);
  const access = useLoader(() => partyApi.branches(townId), [townId]);
  const scheme = data.data?.scheme;
  const manage = !!access.data?.manage;
  const years = (data.data?.branches[0]?.history ?? []).slice(0, -1).map((h) => h.year);
  const yearSelect = (
    <Select
      aria-label="年度"
      value={year}
      onChange={setYear}
      options={[0, 1, 2, 3, 4].map((i) => ({
        value: currentYear() - i,
        label: `${currentYear() - i}年度`,
      }))}
      style={{ width: 120 }}
    />
  );
  const extra = (
    <Space>
      {manage && scheme && <Button onClick={() => setEditScheme(true)}>评定指标设置</Button>}
      {yearSelect}
    </Space>
  );
  return (
    <Card title="党支部星级评定" extra={extra}>
      {scheme && <SchemeLine scheme={scheme} />}
      <Table<BranchRating>
        rowKey="branchId"
        size="small"
        loading={data.loading}
        dataSource={data.data?.branches ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={columns(years, manage, setRating)}
      />
      {rating && scheme && (
        <RatingModal
          year={year}
          branch={rating}
          scheme={scheme}
          manage={manage}
          onClose={() => setRating(null)}
          onSaved={() => {
            setRating(null);
            data.reload();
          }}
        />
      )}
      {editScheme && scheme && (
        <SchemeModal
          year={year}
          scheme={scheme}
          rated={(data.data?.branches ?? []).filter((b) => b.rating).length}
          onClose={() => setEditScheme(false)}
          onSaved={() => {
            setEditScheme(false);
            data.reload();
          }}
        />
      )}
    </Card>
  );
}
