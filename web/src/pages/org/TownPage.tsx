/**
 * 乡镇信息 — the current town's name, code and office hours (办公时间, in which working-hour
 * limits of appeals run), edited by its admin; for a county admin, also the county's towns with
 * 新增乡镇 (see CountyTownsCard).
 */
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Space,
  Tag,
  TimePicker,
  Typography,
} from 'antd';
import { EditOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { orgApi, type OfficePeriod, type TownDetail } from '../../api/org.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { CountyTownsCard } from './CountyTownsCard.tsx';
import { useLoader } from '../../api/useLoader.ts';

const CODE_RULE = {
  pattern: /^[a-z][a-z0-9_-]{1,31}$/,
  message: '小写字母开头，2–32 位小写字母、数字、_ 或 -',
};

interface Values {
  name: string;
  code: string;
  periods: [Dayjs, Dayjs][];
}

const toRange = (p: OfficePeriod): [Dayjs, Dayjs] => [
  dayjs(p.start, 'HH:mm'),
  dayjs(p.end, 'HH:mm'),
];
const fromRange = ([start, end]: [Dayjs, Dayjs]): OfficePeriod => ({
  start: start.format('HH:mm'),
  end: end.format('HH:mm'),
});

export default function TownPage() {
  const { townId, isAdmin } = useSession();
  const town = useLoader(() => orgApi.town(townId), [townId]);
  const counties = useLoader(() => orgApi.counties(), [townId]);
  const [editing, setEditing] = useState(false);
  const county = counties.data?.find((c) => c.id === town.data?.countyId);
  const t = town.data;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title="乡镇信息"
        loading={town.loading && !t}
        extra={
          isAdmin && t ? (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              编辑
            </Button>
          ) : null
        }
      >
        {t && (
          <Descriptions column={1} bordered size="middle" styles={{ label: { width: 160 } }}>
            <Descriptions.Item label="乡镇名称">{t.name}</Descriptions.Item>
            <Descriptions.Item label="乡镇编码">
              <Typography.Text code>{t.code}</Typography.Text>
              <Typography.Text type="secondary">
                {' '}
                命令行、群众诉求链接和对外接口（Open311）使用此编码
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="所属县（区）">{t.countyName}</Descriptions.Item>
            <Descriptions.Item label="办公时间">
              {t.settings.officeHours.map((p) => `${p.start}–${p.end}`).join('，')}
              {t.defaultOfficeHours && <Tag style={{ marginInlineStart: 8 }}>系统默认</Tag>}
              <div>
                <Typography.Text type="secondary">
                  按“工作小时”计算的办理时限只在办公时间内计时。
                </Typography.Text>
              </div>
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {county?.isCountyAdmin && <CountyTownsCard county={county} onChanged={counties.reload} />}
      {editing && t && (
        <TownEditModal
          town={t}
          canChangeCode={!!county?.isCountyAdmin}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            town.reload();
            counties.reload();
          }}
          onConflict={town.reload}
        />
      )}
    </Space>
  );
}

interface EditProps {
  town: TownDetail;
  canChangeCode: boolean;
  onClose: () => void;
  onSaved: () => void;
  onConflict: () => void;
}

function TownEditModal({ town, canChangeCode, onClose, onSaved, onConflict }: EditProps) {
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await orgApi.updateTown(town.id, {
        version: town.version,
        name: v.name.trim(),
        ...(canChangeCode && v.code !== town.code ? { code: v.code.trim() } : {}),
        settings: { officeHours: v.periods.map(fromRange) },
      });
      void message.success('已保存乡镇信息');
      onSaved();
    } catch (err) {
      onError(err, {
        form,
        onConflict: () => {
          onConflict();
          onClose();
        },
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="编辑乡镇信息"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okText="保存"
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          name: town.name,
          code: town.code,
          periods: town.settings.officeHours.map(toRange),
        }}
      >
        <Form.Item
          name="name"
          label="乡镇名称"
          rules={[{ required: true, whitespace: true, message: '请输入乡镇名称' }, { max: 30 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="code"
          label="乡镇编码"
          rules={[{ required: true, message: '请输入乡镇编码' }, CODE_RULE]}
          extra={
            canChangeCode
              ? '修改后，已发出的群众诉求链接和对外接口配置需同步更换'
              : '只有县级管理员可以修改编码'
          }
        >
          <Input disabled={!canChangeCode} />
        </Form.Item>
        <Form.List
          name="periods"
          rules={[
            {
              validator: async (_, v?: unknown[]) =>
                v?.length ? undefined : Promise.reject(new Error('至少填写一个办公时段')),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Form.Item
              label="办公时间"
              required
              extra="按时间先后填写，如上午 08:30–12:00、下午 14:00–17:30"
            >
              {fields.map((field, i) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item
                    name={field.name}
                    rules={[{ required: true, message: '请选择时段' }]}
                    style={{ marginBottom: 8 }}
                  >
                    <TimePicker.RangePicker
                      format="HH:mm"
                      minuteStep={5}
                      order
                      aria-label={`办公时段 ${i + 1}`}
                    />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label="移除时段"
                    />
                  )}
                </Space>
              ))}
              {fields.length < 6 && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add(toRange({ start: '14:00', end: '17:30' }))}
                >
                  添加时段
                </Button>
              )}
              <Form.ErrorList errors={errors} />
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
