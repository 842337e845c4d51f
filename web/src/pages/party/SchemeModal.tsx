/**
 * 评定指标设置 of one year: the indicators (name, weight, what to score on) and the lowest total
 * of each star level, for the organisation work only. Saved with the version read (409: someone
 * changed it meanwhile, the page reloads what is now in force); the server checks the rest (the
 * weights add up to 100, the thresholds rise with the stars) and names the field in Chinese.
 * Ratings already recorded keep their score and stars; the dialog says so when there are some.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Typography,
  type FormInstance,
} from 'antd';
import { ratingApi, type RatingScheme, type SchemeInput } from '../../api/rating.ts';
import { useFormSave } from '../../api/useFormSave.ts';
import { useSession } from '../../session/session.tsx';

type Values = Omit<SchemeInput, 'version'>;

interface Props {
  year: number;
  scheme: RatingScheme;
  /** How many branches already have this year's rating: saving does not re-rate them. */
  rated: number;
  onClose: () => void;
  onSaved: () => void;
}

/** A new indicator's code: the server wants a stable identifier; people only see the name. */
const newCode = (taken: string[]) => {
  let n = taken.length + 1;
  while (taken.includes(`item_${n}`)) n++;
  return `item_${n}`;
};

function IndicatorList({ form }: { form: FormInstance<Values> }) {
  return (
    <Form.List name="indicators">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Space key={f.key} align="baseline" wrap>
              <Form.Item name={[f.name, 'code']} hidden>
                <Input />
              </Form.Item>
              <Form.Item
                name={[f.name, 'name']}
                rules={[{ required: true, message: '请填写指标名称' }]}
              >
                <Input aria-label="指标名称" placeholder="指标名称" maxLength={20} />
              </Form.Item>
              <Form.Item
                name={[f.name, 'weight']}
                rules={[{ required: true, message: '请填写权重' }]}
              >
                <InputNumber aria-label="权重" addonAfter="分" min={1} max={100} precision={0} />
              </Form.Item>
              <Form.Item name={[f.name, 'hint']}>
                <Input
                  aria-label="评分要点"
                  placeholder="评分要点"
                  maxLength={100}
                  style={{ width: 260 }}
                />
              </Form.Item>
              <Button
                type="text"
                aria-label="删除指标"
                icon={<DeleteOutlined />}
                onClick={() => remove(f.name)}
              />
            </Space>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => {
              const taken =
                (form.getFieldValue('indicators') as Values['indicators'] | undefined) ?? [];
              add({ code: newCode(taken.map((i) => i.code)), name: '', weight: 10, hint: '' });
            }}
          >
            添加指标
          </Button>
        </>
      )}
    </Form.List>
  );
}

function ThresholdList({ scheme }: { scheme: RatingScheme }) {
  return (
    <>
      <Form.List name="thresholds">
        {(fields) => (
          <Space wrap>
            {fields.map((f) => (
              <Form.Item
                key={f.key}
                name={[f.name, 'minScore']}
                label={`${scheme.thresholds[f.name]?.stars ?? ''}星`}
                rules={[{ required: true, message: '请填写分数线' }]}
              >
                <InputNumber min={0} max={100} addonAfter="分" />
              </Form.Item>
            ))}
          </Space>
        )}
      </Form.List>
      <Form.List name="thresholds">
        {(fields) =>
          fields.map((f) => (
            <Form.Item key={f.key} name={[f.name, 'stars']} hidden>
              <InputNumber />
            </Form.Item>
          ))
        }
      </Form.List>
    </>
  );
}

export function SchemeModal({ year, scheme, rated, onClose, onSaved }: Props) {
  const { townId } = useSession();
  const [form] = Form.useForm<Values>();
  const { busy, save } = useFormSave(form, onSaved);
  return (
    <Modal
      open
      title={`${year}年度评定指标和星级分数线`}
      okText="保存"
      width={720}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() =>
        void save(async (v) => {
          await ratingApi.saveScheme(townId, year, { ...v, version: scheme.version });
          onSaved();
          return '评定指标已保存';
        })
      }
    >
      {rated > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="scheme-rerate-note"
          message={`本年度已有${rated}个党支部评定了星级`}
          description="保存新的指标或分数线后，已评定的得分和星级不会自动重新计算；需要按新标准评定的，请在列表中逐个打开“查看/修改”并重新保存。"
        />
      )}
      <Form form={form} initialValues={scheme} layout="vertical">
        <Typography.Title level={5}>评定指标（权重合计 100）</Typography.Title>
        <IndicatorList form={form} />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          星级分数线（总分达到即评为该星级）
        </Typography.Title>
        <ThresholdList scheme={scheme} />
      </Form>
    </Modal>
  );
}
