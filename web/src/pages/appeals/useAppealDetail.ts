/**
 * Data of 工单详情: the order and its attachments (reloaded with each new version), and the action
 * whose form is open — picked on the page, or linked from 我的工单 (`?do=签收`), which opens if
 * the order says it is allowed now.
 */
import { App } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { appealsApi, type AppealDetail, type AvailableAction } from '../../api/appeals.ts';
import { useLoader } from '../../api/useLoader.ts';
import { useSession } from '../../session/session.tsx';
import { operationsApi } from './operations.api.ts';

export function useAppealDetail(id: string) {
  const { townId } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const {
    data: order,
    loading,
    reload,
  } = useLoader((signal) => appealsApi.detail(townId, id, signal), [townId, id]);
  const [action, setAction] = useState<AvailableAction | null>(null);
  const [params, setParams] = useSearchParams();
  const wanted = params.get('do');
  const requested = wanted
    ? order?.actions.find((x) => x.label === wanted && x.enabled)
    : undefined;
  const shownAction = action ?? requested ?? null;
  const closeAction = () => {
    setAction(null);
    if (wanted) setParams({}, { replace: true });
  };
  const actionDone = (next?: AppealDetail) => {
    closeAction();
    // 退单 and the like hand the order to someone else: back to the list, saying so.
    if (next && !next.inScope) {
      void message.info(`工单 ${next.code} 已${next.stateLabel}，现由他人办理`);
      navigate('/appeals/orders');
    } else reload();
  };
  const files = useLoader(
    (signal) => operationsApi.attachments(townId, id, signal),
    [townId, id, order?.version],
  );
  return { order, loading, reload, files, shownAction, setAction, closeAction, actionDone };
}
