/**
 * The state and writes of the problem drawer: the detail, the edit and status forms, the orders
 * ticked for removal and the code typed to add one. Every write sends the version shown; a 409
 * reloads the latest.
 */
import { App, Form } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { appealsApi } from '../../api/appeals.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useLoader } from '../../api/useLoader.ts';
import { useSession } from '../../session/session.tsx';
import { analysisApi, type ProblemDetail, type StatusOption } from './analysisApi.ts';

/** The problem of the drawer, its edit form kept in step with each answer. */
function useProblemDetail(id: string | null) {
  const { townId } = useSession();
  const detail = useLoader(
    (signal) => (id ? analysisApi.problem(townId, id, signal) : Promise.resolve(undefined)),
    [townId, id],
  );
  const p = detail.data;
  const [form] = Form.useForm();
  useEffect(() => {
    if (p)
      form.setFieldsValue({
        title: p.title,
        ownerUnitId: p.ownerUnitId,
        ownerPersonId: p.ownerPersonId,
        plan: p.plan,
        dueOn: p.dueOn ? dayjs(p.dueOn) : null,
      });
  }, [p, form]);
  return { detail, p, form };
}

/** Orders ticked for removal, kept for the answer they were ticked in (a reload clears them). */
function useTicked(p: ProblemDetail | undefined) {
  const [ticked, setTicked] = useState<{ of: typeof p; ids: string[] }>({ of: undefined, ids: [] });
  const selected = ticked.of === p ? ticked.ids : [];
  const setSelected = (ids: string[]) => setTicked({ of: p, ids });
  return { selected, setSelected };
}

export function useProblemActions(id: string | null, onChanged: () => void) {
  const { townId } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const { detail, p, form } = useProblemDetail(id);
  const [moveForm] = Form.useForm();
  const [moving, setMoving] = useState<StatusOption | null>(null);
  const { selected, setSelected } = useTicked(p);
  const [code, setCode] = useState('');

  const call = async (work: () => Promise<unknown>, msg: string, f?: typeof form) => {
    try {
      await work();
      void message.success(msg);
      detail.reload();
      onChanged();
      return true;
    } catch (err) {
      onError(err, { form: f, onConflict: detail.reload });
      return false;
    }
  };
  const save = async () => {
    const v = await form.validateFields();
    await call(
      () =>
        analysisApi.updateProblem(townId, p!.id, {
          version: p!.version,
          title: v.title,
          ownerUnitId: v.ownerUnitId ?? null,
          ownerPersonId: v.ownerPersonId ?? null,
          plan: v.plan || null,
          dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null,
        }),
      '已保存',
      form,
    );
  };
  const move = async () => {
    const v = await moveForm.validateFields();
    const work = () =>
      analysisApi.moveProblem(townId, p!.id, { version: p!.version, status: moving!.status, ...v });
    if (await call(work, `已改为「${moving!.label}」`, moveForm)) setMoving(null);
  };
  const startMove = (s: StatusOption) => {
    moveForm.resetFields();
    moveForm.setFieldsValue({ plan: p!.plan });
    setMoving(s);
  };
  const addByCode = async () => {
    const page = await appealsApi.list(townId, { q: code.trim() }, null, 5);
    const hit = page.items.find((a) => a.code === code.trim());
    if (!hit) return void message.warning(`没有找到编号为 ${code} 的工单`);
    const work = () => analysisApi.addOrders(townId, p!.id, p!.version, [hit.id]);
    if (await call(work, `已添加工单 ${hit.code}`)) setCode('');
  };
  const removeSelected = () =>
    void call(
      () => analysisApi.removeOrders(townId, p!.id, p!.version, selected),
      `已移出 ${selected.length} 件工单`,
    );
  return {
    detail,
    p,
    form,
    moveForm,
    moving,
    setMoving,
    selected,
    setSelected,
    code,
    setCode,
    save,
    move,
    startMove,
    addByCode,
    removeSelected,
  };
}
