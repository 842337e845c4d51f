/**
 * 润色 of one section by the town's own model server: the current text beside the proposal, with
 * 采用 (saved like an edit; the text it replaces stays in 历史版本) and 放弃 (nothing changes). The
 * server refuses proposals that touch a figure and says why; the page shows that message as is.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, Modal, Row, Space, Spin, Tag, Typography } from 'antd';
import { ApiError } from '../../api/client.ts';
import {
  reportsApi,
  type RephraseProposal,
  type Report,
  type ReportParagraph,
} from '../../api/reports.ts';

export interface RephraseTarget {
  sectionId: string;
  heading: string;
  /** Asking again for the same section starts a new request. */
  nonce: number;
}

interface Props {
  townId: string;
  report: Report;
  target: RephraseTarget | null;
  timeoutSeconds: number | null;
  onClose: () => void;
  onAccepted: (report: Report) => void;
  onConflict: () => void;
}

function Paragraphs({ paragraphs, testId }: { paragraphs: ReportParagraph[]; testId: string }) {
  return (
    <div className="rephrase-text" data-testid={testId}>
      {paragraphs.map((p, j) => (
        <p key={j}>
          {p.inlines.map((x, k) =>
            x.type === 'text' ? (
              <span key={k}>{x.text}</span>
            ) : (
              <Tag key={k} color="blue" className="preview-chip">
                {x.display}
              </Tag>
            ),
          )}
        </p>
      ))}
    </div>
  );
}

function useProposal(townId: string, reportId: string, sectionId: string) {
  const [proposal, setProposal] = useState<RephraseProposal | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    reportsApi.rephrase(townId, reportId, sectionId, abort.signal).then(setProposal, (err) => {
      if (!abort.signal.aborted)
        setFailure(err instanceof ApiError ? err.problem.detail : '润色失败，报告未作改动');
    });
    return () => abort.abort();
  }, [townId, reportId, sectionId]);
  return { proposal, failure, setFailure };
}

function Proposed(p: {
  proposal: RephraseProposal | null;
  failure: string | null;
  timeoutSeconds: number | null;
}) {
  if (p.proposal) return <Paragraphs paragraphs={p.proposal.after} testId="rephrase-after" />;
  if (p.failure) return <Typography.Text type="secondary">没有可采用的润色结果</Typography.Text>;
  return (
    <Spin
      tip={`正在请大模型润色，最长约 ${p.timeoutSeconds ?? 60} 秒…`}
      style={{ display: 'block', margin: '40px auto' }}
    >
      <div style={{ height: 60 }} />
    </Spin>
  );
}

/** Mounted afresh for every request (keyed by the caller), so each starts empty. */
function RephraseDialog(p: Props & { target: RephraseTarget }) {
  const { message } = App.useApp();
  const { townId, report, target } = p;
  const { proposal, failure, setFailure } = useProposal(townId, report.id, target.sectionId);
  const [accepting, setAccepting] = useState(false);

  const accept = async () => {
    if (!proposal) return;
    setAccepting(true);
    try {
      p.onAccepted(
        await reportsApi.acceptRephrasing(townId, report.id, {
          version: report.version,
          sectionId: target.sectionId,
          text: proposal.text,
        }),
      );
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) p.onConflict();
      else setFailure(err instanceof ApiError ? err.problem.detail : '采用失败，报告未作改动');
    } finally {
      setAccepting(false);
    }
  };
  const discard = () => {
    if (proposal) void message.info('已放弃润色结果，报告未作改动');
    p.onClose();
  };

  const current = report.document.sections.find((s) => s.id === target.sectionId);
  const footer = (
    <Space>
      <Button onClick={discard} data-testid="rephrase-discard">
        放弃
      </Button>
      <Button
        type="primary"
        disabled={!proposal}
        loading={accepting}
        onClick={accept}
        data-testid="rephrase-accept"
      >
        采用
      </Button>
    </Space>
  );
  return (
    <Modal
      open
      title={`润色：${target.heading || '开头部分'}`}
      width={1100}
      onCancel={discard}
      footer={footer}
    >
      <Typography.Paragraph type="secondary">
        由本乡镇自己的大模型改写措辞；蓝色数字已锁定，改动任何数字、单位或写法的结果都会被拒绝。
        采用后原文保存在“历史版本”中，可随时恢复。
      </Typography.Paragraph>
      {failure && (
        <Alert
          type="error"
          showIcon
          message={failure}
          style={{ marginBottom: 12 }}
          data-testid="rephrase-error"
        />
      )}
      <Row gutter={16}>
        <Col span={12}>
          <Typography.Title level={5}>当前内容</Typography.Title>
          {current && <Paragraphs paragraphs={current.paragraphs} testId="rephrase-before" />}
        </Col>
        <Col span={12}>
          <Typography.Title level={5}>润色建议</Typography.Title>
          <Proposed proposal={proposal} failure={failure} timeoutSeconds={p.timeoutSeconds} />
        </Col>
      </Row>
    </Modal>
  );
}

export function RephraseModal(p: Props) {
  if (!p.target) return null;
  return (
    <RephraseDialog key={`${p.target.sectionId}-${p.target.nonce}`} {...p} target={p.target} />
  );
}
