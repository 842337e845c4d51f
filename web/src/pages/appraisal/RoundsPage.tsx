/** 民主测评: the town's rounds (status, people, turnout) and 新建测评, for the organisation work. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Result, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { appraisalApi, type RoundSummary } from '../../api/appraisal.ts';
import { useLoader } from '../../api/useLoader.ts';
import { useSession } from '../../session/session.tsx';
import { RoundFormModal } from './RoundFormModal.tsx';

export const STATUS: Record<RoundSummary['status'], { label: string; color: string }> = {
  draft: { label: '草稿', color: 'default' },
  open: { label: '投票中', color: 'processing' },
  closed: { label: '已结束', color: 'success' },
};

export default function RoundsPage() {
  const { townId } = useSession();
  const navigate = useNavigate();
  const rounds = useLoader(async () => {
    const { manage } = await appraisalApi.access(townId);
    return { manage, items: manage ? (await appraisalApi.list(townId)).items : [] };
  }, [townId]);
  const [creating, setCreating] = useState(false);
  if (rounds.data && !rounds.data.manage)
    return (
      <Result
        status="info"
        title="民主测评由组织工作人员管理"
        subTitle="管理员、党委书记／镇长、分管组织（党建）的班子成员和承担组织工作的专干可以组织测评。您的测评结果显示在本人的述职报告页。"
      />
    );
  return (
    <Card
      title="民主测评"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建测评
        </Button>
      }
    >
      <Table<RoundSummary>
        rowKey="id"
        loading={rounds.loading}
        dataSource={rounds.data?.items ?? []}
        pagination={false}
        columns={[
          { title: '年度', dataIndex: 'year', width: 80 },
          {
            title: '测评名称',
            dataIndex: 'title',
            render: (t: string, r) => <Link to={`/appraisal/${r.id}`}>{t}</Link>,
          },
          { title: '测评对象', dataIndex: 'people', width: 100, render: (n: number) => `${n}人` },
          {
            title: '参评',
            width: 160,
            render: (_, r) => `${r.turnout.voted}/${r.turnout.ballots}张（${r.turnout.percent}%）`,
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 100,
            render: (s: RoundSummary['status']) => (
              <Tag color={STATUS[s].color}>{STATUS[s].label}</Tag>
            ),
          },
        ]}
      />
      {creating && (
        <RoundFormModal
          townId={townId}
          round={null}
          onClose={() => setCreating(false)}
          onSaved={(r) => navigate(`/appraisal/${r.id}`)}
        />
      )}
    </Card>
  );
}
