/**
 * The state and writes of the commitment drawer: the detail, the progress note being typed and
 * the status move with its form. Every write reloads; a 409 reloads the latest.
 */
import { App, Form } from 'antd';
import { useState } from 'react';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useLoader } from '../../api/useLoader.ts';
import { useSession } from '../../session/session.tsx';
import { analysisApi, type StatusOption } from './analysisApi.ts';

export function useCommitmentActions(id: string | null, onChanged: () => void) {
  const { townId } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const detail = useLoader(
    (signal) => (id ? analysisApi.commitment(townId, id, signal) : Promise.resolve(undefined)),
    [townId, id],
  );
  const c = detail.data;
  const [note, setNote] = useState('');
  const [moving, setMoving] = useState<StatusOption | null>(null);
  const [form] = Form.useForm();

  const call = async (work: () => Promise<unknown>, msg: string) => {
    try {
      await work();
      void message.success(msg);
      detail.reload();
      onChanged();
      return true;
    } catch (err) {
      onError(err, { form, onConflict: detail.reload });
      return false;
    }
  };
  const move = async () => {
    const v = await form.validateFields();
    const work = () =>
      analysisApi.updateCommitment(townId, c!.id, {
        version: c!.version,
        status: moving!.status,
        ...v,
      });
    if (await call(work, `已改为「${moving!.label}」`)) setMoving(null);
  };
  const startMove = (s: StatusOption) => {
    form.resetFields();
    setMoving(s);
  };
  const addNote = () =>
    void call(() => analysisApi.addNote(townId, c!.id, note.trim()), '已添加进展').then(
      (ok) => ok && setNote(''),
    );
  return { detail, c, note, setNote, moving, setMoving, form, move, startMove, addNote };
}
