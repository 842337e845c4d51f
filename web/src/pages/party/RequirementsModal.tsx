/**
 * 频次要求: how often each type of meeting must be held (each month or quarter, how many times),
 * for the organisation work only. Saved with the version read: a change made meanwhile by someone
 * else is refused (409) and the form reloads what is now in force.
 */
import { SettingOutlined } from '@ant-design/icons';
import { App, Button, Form, InputNumber, Modal, Select, Table } from 'antd';
import { useEffect, useState } from 'react';
import { partyApi, type Requirements } from '../../api/party.ts';
import { useFormSave } from '../../api/useFormSave.ts';
import { useLoader } from '../../api/useLoader.ts';
import { useSession } from '../../session/session.tsx';

type Row = Requirements['items'][number];
interface Values {
  items: Pick<Row, 'period' | 'times'>[];
}

const PERIODS = [
  { value: 'month', label: '每月' },
  { value: 'quarter', label: '每季度' },
];

export function RequirementsModal(props: { onClose: () => void; onSaved: () => void }) {
  const { townId } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const current = useLoader(() => partyApi.requirements(townId), [townId]);
  const { busy, save } = useFormSave(form, current.reload);
  useEffect(() => {
    if (current.data) form.setFieldsValue({ items: current.data.items });
  }, [current.data, form]);
  const rows = current.data?.items ?? [];
  return (
    <Modal
      open
      title="会议召开频次要求"
      okText="保存"
      width={560}
      confirmLoading={busy}
      onCancel={props.onClose}
      onOk={() =>
        void save(async (v) => {
          await partyApi.saveRequirements(townId, {
            version: current.data!.version,
            items: rows.map((r, i) => ({
              meetingType: r.meetingType,
              period: v.items[i]?.period ?? r.period,
              times: v.items[i]?.times ?? r.times,
            })),
          });
          void message.success('频次要求已保存，各党支部的应开次数随之重新计算');
          props.onSaved();
        })
      }
    >
      <Form form={form} component={false}>
        <Table<Row>
          rowKey="meetingType"
          size="small"
          pagination={false}
          loading={current.loading}
          dataSource={rows}
          columns={[
            { title: '会议类型', dataIndex: 'label' },
            {
              title: '周期',
              key: 'period',
              width: 140,
              render: (_, _r, i) => (
                <Form.Item name={['items', i, 'period']} noStyle>
                  <Select aria-label={`${rows[i]?.label ?? ''}周期`} options={PERIODS} />
                </Form.Item>
              ),
            },
            {
              title: '至少召开（次）',
              key: 'times',
              width: 150,
              render: (_, _r, i) => (
                <Form.Item
                  name={['items', i, 'times']}
                  rules={[{ required: true, message: '请填写次数' }]}
                  style={{ marginBottom: 0 }}
                >
                  <InputNumber
                    aria-label={`${rows[i]?.label ?? ''}次数`}
                    min={0}
                    max={31}
                    precision={0}
                  />
                </Form.Item>
              ),
            },
          ]}
        />
      </Form>
    </Modal>
  );
}

/** The 频次要求 button of the 三会一课 page and its dialog. */
export function RequirementsButton({ onSaved }: { onSaved: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<SettingOutlined />} onClick={() => setOpen(true)}>
        频次要求
      </Button>
      {open && (
        <RequirementsModal
          onClose={() => setOpen(false)}
          onSaved={() => {
            setOpen(false);
            onSaved();
          }}
        />
      )}
    </>
  );
}
