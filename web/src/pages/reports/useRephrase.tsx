/**
 * The editor's 润色 wiring: asks once whether the server has a model configured (no button
 * otherwise), a button per section with text, and the side-by-side modal.
 */
import { useEffect, useState } from 'react';
import { App, Button, Tooltip } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { reportsApi, type Report, type ReportSection } from '../../api/reports.ts';
import { RephraseModal, type RephraseTarget } from './RephraseModal.tsx';

export interface RephraseState {
  enabled: boolean;
  open: (target: RephraseTarget) => void;
  modal: (report: Report) => React.ReactNode;
}

export function useRephrase(
  townId: string,
  reportId: string,
  onSaved: (r: Report) => void,
  onConflict: () => void,
): RephraseState {
  const { message } = App.useApp();
  const [status, setStatus] = useState<{ enabled: boolean; timeoutSeconds: number | null }>({
    enabled: false,
    timeoutSeconds: null,
  });
  const [target, setTarget] = useState<RephraseTarget | null>(null);
  useEffect(() => {
    if (!reportId) return;
    // Unconfigured or unreachable alike: the button simply stays hidden.
    reportsApi.rephraseStatus(townId, reportId).then(setStatus, () => undefined);
  }, [townId, reportId]);
  return {
    enabled: status.enabled,
    open: setTarget,
    modal: (report) => (
      <RephraseModal
        townId={townId}
        report={report}
        target={target}
        timeoutSeconds={status.timeoutSeconds}
        onClose={() => setTarget(null)}
        onAccepted={(r) => {
          setTarget(null);
          onSaved(r);
          void message.success('已采用润色结果，原文已存入历史版本');
        }}
        onConflict={() => {
          setTarget(null);
          onConflict();
        }}
      />
    ),
  };
}

export function RephraseButton({
  state,
  section,
  dirty,
}: {
  state: RephraseState;
  section: ReportSection;
  dirty: boolean;
}) {
  const { message } = App.useApp();
  const hasText = section.paragraphs.some((p) =>
    p.inlines.some((i) => (i.type === 'text' ? i.text.trim() !== '' : true)),
  );
  if (!state.enabled || !hasText) return null;
  return (
    <Tooltip title="请本乡镇的大模型改写本节措辞，数字保持不变">
      <Button
        size="small"
        type="link"
        icon={<EditOutlined />}
        className="rephrase-button"
        data-testid="rephrase-button"
        onClick={() =>
          dirty
            ? void message.warning('请先保存修改，再润色')
            : state.open({ sectionId: section.id, heading: section.heading, nonce: Date.now() })
        }
      >
        润色
      </Button>
    </Tooltip>
  );
}
