/**
 * 一轮民主测评: settings and people; while a draft, 编辑／删除／开始测评 (which shows the QR sheet
 * once); while voting, the live turnout per group (refreshed every 10 s), 重新生成二维码 and
 * 结束测评并计票; once closed, the tally per person with shares, the 优秀 cap check and the
 * Excel/Word files.
 */
import { Alert, App, Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { gradeLabel, SCALE_LABELS, topGrade } from '../../../../src/core/appraisal/ballot.ts';
import { appraisalApi, roundFileUrl, type Round, type TokenSheet } from '../../api/appraisal.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useLoader } from '../../api/useLoader.ts';
import { formatDateTime } from '../../lib/time.ts';
import { useSession } from '../../session/session.tsx';
import { QrSheet } from './QrSheet.tsx';
import { RoundFormModal } from './RoundFormModal.tsx';
import { STATUS } from './RoundsPage.tsx';
import { TallyTable } from './TallyTable.tsx';
import './appraisal.css';

const when = (iso: string | null) => formatDateTime(iso);

function useActions(townId: string, r: Round | undefined, reload: () => void) {
  const { modal, message } = App.useApp();
  const onError = useApiErrorHandler();
  const navigate = useNavigate();
  const [sheets, setSheets] = useState<TokenSheet[] | null>(null);
  const confirm = (title: string, content: string, run: () => Promise<void>) =>
    modal.confirm({
      title,
      content,
      okText: '确定',
      cancelText: '取消',
      onOk: () => run().catch((err: unknown) => onError(err, { onConflict: reload })),
    });
  if (!r)
    return {
      sheets,
      setSheets,
      open: () => {},
      close: () => {},
      remove: () => {},
      reissue: () => {},
    };
  return {
    sheets,
    setSheets,
    open: () =>
      confirm(
        '开始测评',
        '开始后不能再修改测评对象和票数。二维码只显示这一次，请立即打印。',
        async () => {
          const res = await appraisalApi.open(townId, r.id, r.version);
          setSheets(res.sheets);
          reload();
        },
      ),
    close: () =>
      confirm('结束测评并计票', '结束后所有未使用的二维码作废，不能再投票。', async () => {
        await appraisalApi.close(townId, r.id, r.version);
        void message.success('测评已结束，已完成计票');
        reload();
      }),
    remove: () =>
      confirm('删除测评', `确定删除“${r.title}”吗？`, async () => {
        await appraisalApi.remove(townId, r.id, r.version);
        navigate('/appraisal');
      }),
    reissue: (groupId: string, name: string) =>
      confirm(
        '重新生成二维码',
        `“${name}”未使用的旧二维码将作废，并按未投票数生成新二维码。`,
        async () => {
          setSheets([await appraisalApi.reissue(townId, r.id, groupId)]);
          reload();
        },
      ),
  };
}

function RoundInfo({ r }: { r: Round }) {
  const top = gradeLabel(r.scale, topGrade(r.scale));
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
      <Descriptions.Item label="年度">{r.year}</Descriptions.Item>
      <Descriptions.Item label="状态">
        <Tag color={STATUS[r.status].color}>{STATUS[r.status].label}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label="评价等次">{SCALE_LABELS[r.scale]}</Descriptions.Item>
      <Descriptions.Item label={`${top}名额`}>
        每张选票最多{r.cap}人（{r.people.length}人的{r.capPercent}%，四舍五入）
      </Descriptions.Item>
      <Descriptions.Item label="分项评价">
        {r.withItems ? '德、能、勤、绩、廉' : '不分项'}
      </Descriptions.Item>
      <Descriptions.Item label="开始／结束">
        {when(r.openedAt)} ／ {when(r.closedAt)}
      </Descriptions.Item>
      <Descriptions.Item label="测评对象" span={2}>
        {r.people.map((p) => p.name).join('、')}
      </Descriptions.Item>
    </Descriptions>
  );
}

function TurnoutCard({
  r,
  onReissue,
}: {
  r: Round;
  onReissue: (groupId: string, name: string) => void;
}) {
  return (
    <Card
      className="qr-noprint"
      title={`参评情况：${r.turnout.voted}/${r.turnout.ballots}张（${r.turnout.percent}%）`}
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={r.groups}
        columns={[
          { title: '参评人员类别', dataIndex: 'name' },
          { title: '发放', dataIndex: 'ballots', render: (n: number) => `${n}张` },
          { title: '已投', dataIndex: 'voted', render: (n: number) => `${n}张` },
          { title: '参评率', dataIndex: 'percent', render: (n: number) => `${n}%` },
          ...(r.status === 'open'
            ? [
                {
                  title: '二维码',
                  key: 'reissue',
                  render: (_: unknown, g: Round['groups'][number]) => (
                    <Button size="small" onClick={() => onReissue(g.id, g.name)}>
                      重新生成
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function ResultCard({ r, tally }: { r: Round; tally: NonNullable<Round['tally']> }) {
  const top = gradeLabel(r.scale, topGrade(r.scale));
  return (
    <Card className="qr-noprint" title="测评结果">
      <Alert
        style={{ marginBottom: 12 }}
        type={tally.overCap ? 'error' : 'success'}
        showIcon
        message={
          `有效票${tally.ballots}张；每张“${top}”不超过${tally.cap}人：` +
          `超过名额的有效票${tally.overCap}张，投票时因超过名额被拒收${r.refusedOverCap}次。`
        }
      />
      <TallyTable tally={tally} withItems={r.withItems} />
    </Card>
  );
}

export default function RoundPage() {
  const { id = '' } = useParams();
  const { townId } = useSession();
  const round = useLoader(() => appraisalApi.get(townId, id), [townId, id]);
  const [editing, setEditing] = useState(false);
  const r = round.data;
  const actions = useActions(townId, r, round.reload);
  const { reload } = round;
  useEffect(() => {
    if (r?.status !== 'open') return;
    const timer = setInterval(reload, 10_000);
    return () => clearInterval(timer);
  }, [r?.status, reload]);
  if (!r) return <Card loading />;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {actions.sheets && (
        <QrSheet title={r.title} sheets={actions.sheets} onClose={() => actions.setSheets(null)} />
      )}
      <Card
        className="qr-noprint"
        title={r.title}
        extra={
          <Space>
            {r.status === 'draft' && (
              <>
                <Button onClick={() => setEditing(true)}>编辑</Button>
                <Button danger onClick={actions.remove}>
                  删除
                </Button>
                <Button type="primary" onClick={actions.open}>
                  开始测评
                </Button>
              </>
            )}
            {r.status === 'open' && (
              <Button type="primary" danger onClick={actions.close}>
                结束测评并计票
              </Button>
            )}
            {r.status === 'closed' && (
              <>
                <Button href={roundFileUrl(townId, r.id, 'xlsx')}>导出 Excel</Button>
                <Button href={roundFileUrl(townId, r.id, 'docx')}>导出 Word</Button>
              </>
            )}
          </Space>
        }
      >
        <RoundInfo r={r} />
      </Card>
      <TurnoutCard r={r} onReissue={actions.reissue} />
      {r.tally && <ResultCard r={r} tally={r.tally} />}
      {editing && (
        <RoundFormModal
          townId={townId}
          round={r}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            round.reload();
          }}
        />
      )}
    </Space>
  );
}
