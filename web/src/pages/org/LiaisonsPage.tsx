/**
 * 包联村 — each village (村/社区) and the town leaders assigned to look after it. Leaders are
 * added per village and, when they move on, the liaison is ended with a date (结束包联) so the
 * record of who looked after the village stays; the list shows villages without a liaison so
 * gaps stand out.
 */
import { useMemo, useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { orgApi, type Unit, type VillageLiaison } from '../../api/org.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { LiaisonEditModal, type LiaisonEditMode } from './LiaisonEditModal.tsx';
import { useUnits } from './useOrgData.ts';
import { useLoader } from '../../api/useLoader.ts';

interface Row {
  village: Unit;
  liaisons: VillageLiaison[];
}

interface AddValues {
  personId: string;
  startsOn: Dayjs;
}

export default function LiaisonsPage() {
  const { townId, canWriteOrg } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const units = useUnits();
  const liaisons = useLoader(() => orgApi.liaisons(townId), [townId]);
  // Liaison leaders are town leaders: offer people holding a current 班子 position.
  const leaders = useLoader(
    () => orgApi.positions(townId, { activeOn: dayjs().format('YYYY-MM-DD') }),
    [townId],
  );
  const [adding, setAdding] = useState<Unit | null>(null);
  const [editing, setEditing] = useState<{ liaison: VillageLiaison; mode: LiaisonEditMode } | null>(
    null,
  );
  const [showEnded, setShowEnded] = useState(false);
  const today = dayjs().format('YYYY-MM-DD');
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<AddValues>();

  const rows: Row[] = useMemo(
    () =>
      (units.data ?? [])
        .filter((u) => u.kind === 'village')
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map((village) => ({
          village,
          liaisons: (liaisons.data ?? []).filter(
            (l) => l.villageId === village.id && (showEnded || !l.endsOn || l.endsOn >= today),
          ),
        })),
    [units.data, liaisons.data, showEnded, today],
  );

  const leaderOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const p of leaders.data ?? [])
      if (p.leadership && !seen.has(p.personId))
        seen.set(p.personId, `${p.personName}（${p.title}）`);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [leaders.data]);

  const add = async () => {
    if (!adding) return;
    const v = await form.validateFields();
    setBusy(true);
    try {
      await orgApi.createLiaison(townId, {
        villageId: adding.id,
        personId: v.personId,
        startsOn: v.startsOn.format('YYYY-MM-DD'),
      });
      void message.success('已添加包联领导');
      setAdding(null);
      liaisons.reload();
    } catch (err) {
      onError(err, { form });
    } finally {
      setBusy(false);
    }
  };

  const columns: TableColumnsType<Row> = [
    { title: '村（社区）', key: 'village', width: 160, render: (_, r) => r.village.name },
    {
      title: '包联领导',
      key: 'liaisons',
      render: (_, r) =>
        r.liaisons.length ? (
          <Space size={[0, 4]} wrap>
            {r.liaisons.map((l) => {
              const ended = !!l.endsOn && l.endsOn < today;
              return (
                <Tag
                  key={l.id}
                  color={ended ? 'default' : 'blue'}
                  closable={canWriteOrg && !ended}
                  closeIcon={<span title="结束包联">×</span>}
                  onClose={(e) => {
                    e.preventDefault();
                    setEditing({ liaison: l, mode: 'end' });
                  }}
                  onClick={canWriteOrg ? () => setEditing({ liaison: l, mode: 'edit' }) : undefined}
                  style={canWriteOrg ? { cursor: 'pointer' } : undefined}
                >
                  {l.personName}（{l.endsOn ? `${l.startsOn} 至 ${l.endsOn}` : `${l.startsOn} 起`}）
                </Tag>
              );
            })}
          </Space>
        ) : (
          <Typography.Text type="warning">暂无包联领导</Typography.Text>
        ),
    },
  ];
  if (canWriteOrg) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_, r) => (
        <Button
          type="link"
          size="small"
          icon={<PlusOutlined />}
          onClick={() => {
            form.resetFields();
            setAdding(r.village);
          }}
        >
          添加包联
        </Button>
      ),
    });
  }

  return (
    <Card
      title={`包联村（${rows.length} 个村/社区）`}
      extra={
        <Space>
          <Typography.Text type="secondary">
            {canWriteOrg ? '点击姓名可编辑或结束包联' : ''}
          </Typography.Text>
          <Switch size="small" checked={showEnded} onChange={setShowEnded} /> 显示已结束的包联
        </Space>
      }
    >
      <Table<Row>
        rowKey={(r) => r.village.id}
        columns={columns}
        dataSource={rows}
        loading={units.loading || liaisons.loading}
        pagination={false}
        size="middle"
      />
      <Modal
        title={adding ? `为「${adding.name}」添加包联领导` : ''}
        open={!!adding}
        onOk={add}
        onCancel={() => setAdding(null)}
        confirmLoading={busy}
        okText="添加"
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ startsOn: dayjs() }} preserve={false}>
          <Form.Item
            name="personId"
            label="包联领导"
            rules={[{ required: true, message: '请选择包联领导' }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={leaderOptions}
              placeholder="选择班子成员"
            />
          </Form.Item>
          <Form.Item
            name="startsOn"
            label="开始日期"
            rules={[{ required: true, message: '请选择开始日期' }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
      {editing && (
        <LiaisonEditModal
          liaison={editing.liaison}
          mode={editing.mode}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            liaisons.reload();
          }}
          onConflict={liaisons.reload}
        />
      )}
    </Card>
  );
}
