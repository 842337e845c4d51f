/**
 * Rating one branch for a year: a score (0–100) per indicator with the records it rests on and a
 * note; 组织生活 can be filled from the year's 三会一课 (its meetings become the evidence). The
 * weighted total and the star level are computed as the user types, by the server's own rules.
 */
import { App, Button, Form, Input, InputNumber, Modal, Rate, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { starsFor, weightedTotal } from '../../../../src/core/party/rating.ts';
import {
  ratingApi,
  type BranchRating,
  type RatingInput,
  type RatingScheme,
} from '../../api/rating.ts';
import { useFormSave } from '../../api/useFormSave.ts';
import { useLoader } from '../../api/useLoader.ts';
import { useSession } from '../../session/session.tsx';
import { Movement } from './RatingPage.tsx';

interface Values {
  scores: { indicator: string; score: number | null; evidence: string[]; note?: string }[];
  remark?: string;
}

interface Props {
  year: number;
  branch: BranchRating;
  scheme: RatingScheme;
  manage: boolean;
  onClose: () => void;
  onSaved: () => void;
}

type Option = { value: string; label: string };

const initial = (p: Props): Values => ({
  scores: p.scheme.indicators.map((i) => {
    const s = p.branch.rating?.scores.find((x) => x.indicator === i.code);
    return {
      indicator: i.code,
      score: s?.score ?? null,
      evidence: s?.evidence.map((e) => e.id) ?? [],
      note: s?.note ?? undefined,
    };
  }),
  remark: p.branch.rating?.remark ?? undefined,
});

const bodyOf = (v: Values, rating: BranchRating['rating']): RatingInput => ({
  ...(rating ? { version: rating.version } : {}),
  scores: v.scores.map((s) => ({
    indicator: s.indicator,
    score: s.score ?? 0,
    evidence: s.evidence ?? [],
    ...(s.note ? { note: s.note } : {}),
  })),
  ...(v.remark ? { remark: v.remark } : {}),
});

/** Evidence choices: what the rating cites already, the org-life meetings, the year's records. */
function useEvidence(townId: string, year: number, branch: BranchRating) {
  const choices = useLoader(
    async () => (await ratingApi.evidence(townId, year, branch.branchId)).items,
    [townId, year, branch.branchId],
  );
  const [extra, setExtra] = useState<{ id: string; label: string }[]>([]);
  const known = [
    ...(branch.rating?.scores.flatMap((s) => s.evidence) ?? []),
    ...extra,
    ...(choices.data ?? []),
  ];
  const options: Option[] = [
    ...new Map(known.map((e) => [e.id, { value: e.id, label: e.label }])).values(),
  ];
  return { options, setExtra };
}

function IndicatorRow(props: {
  index: number;
  indicator: RatingScheme['indicators'][number];
  options: Option[];
  onFill?: (() => void) | undefined;
}) {
  const { index: i, indicator: ind } = props;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '200px 120px 1fr', gap: 12 }}>
      <div>
        <b>{ind.name}</b>（权重{ind.weight}）
        <div style={{ color: '#8c8c8c', fontSize: 12 }}>{ind.hint}</div>
        {props.onFill && (
          <Button size="small" type="link" style={{ padding: 0 }} onClick={props.onFill}>
            按三会一课情况填入
          </Button>
        )}
      </div>
      <Form.Item name={['scores', i, 'indicator']} hidden>
        <Input />
      </Form.Item>
      <Form.Item
        name={['scores', i, 'score']}
        label="得分"
        rules={[{ required: true, message: `请为“${ind.name}”打分` }]}
      >
        <InputNumber
          aria-label={`${ind.name}得分`}
          min={0}
          max={100}
          precision={2}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <div>
        <Form.Item
          name={['scores', i, 'evidence']}
          label="佐证材料（台账记录）"
          style={{ marginBottom: 4 }}
        >
          <Select
            mode="multiple"
            allowClear
            options={props.options}
            maxTagCount={3}
            optionFilterProp="label"
            placeholder="选择本支部本年度的会议或台账记录"
          />
        </Form.Item>
        <Form.Item name={['scores', i, 'note']} style={{ marginBottom: 12 }}>
          <Input placeholder="评分说明" maxLength={200} />
        </Form.Item>
      </div>
    </div>
  );
}

async function fillOrgLife(
  form: FormInstance<Values>,
  townId: string,
  props: Props,
  index: number,
  setExtra: (e: { id: string; label: string }[]) => void,
) {
  const s = await ratingApi.orgLife(townId, props.year, props.branch.branchId);
  setExtra(s.evidence);
  form.setFieldValue(['scores', index, 'score'], s.score);
  form.setFieldValue(
    ['scores', index, 'evidence'],
    s.evidence.map((e) => e.id),
  );
  const rate = s.attendanceRate === null ? '无出勤记录' : `出勤率${s.attendanceRate}%`;
  form.setFieldValue(['scores', index, 'note'], `应开${s.required}次，缺开${s.missing}次，${rate}`);
}

export function RatingModal(props: Props) {
  const { townId } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, save } = useFormSave(form);
  const { year, branch, scheme } = props;
  const { options, setExtra } = useEvidence(townId, year, branch);
  const scores = (Form.useWatch('scores', form) ?? initial(props).scores) as Values['scores'];
  const total = weightedTotal(
    scheme.indicators,
    Object.fromEntries(scores.map((s) => [s.indicator, s.score ?? 0])),
  );
  const submit = () =>
    save(async (v) => {
      const result = await ratingApi.rate(townId, year, branch.branchId, bodyOf(v, branch.rating));
      void message.success(`已评定为${result.stars}星（${result.total}分）`);
      props.onSaved();
    });
  return (
    <Modal
      open
      width={900}
      title={`${year}年度星级评定：${branch.branchName}`}
      okText="保存评定"
      okButtonProps={{ disabled: !props.manage }}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={props.onClose}
    >
      <Typography.Paragraph>
        综合得分 <b>{total}</b> 分，
        <Rate disabled value={starsFor(scheme.thresholds, total)} count={5} />
        <span style={{ margin: '0 8px' }}>
          上年：{branch.lastYearStars ? `${branch.lastYearStars}星` : '未评定'}
        </span>
        {branch.rating && <Movement value={branch.rating.movement} />}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial(props)}
        disabled={!props.manage}
      >
        {scheme.indicators.map((ind, i) => (
          <IndicatorRow
            key={ind.code}
            index={i}
            indicator={ind}
            options={options}
            onFill={
              ind.code === 'org_life' && props.manage
                ? () => void fillOrgLife(form, townId, props, i, setExtra)
                : undefined
            }
          />
        ))}
        <Form.Item name="remark" label="备注">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
