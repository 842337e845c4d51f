/**
 * A write the user confirms first (删除, 停用, 定稿 …): the question in a dialog, the call, a
 * Chinese toast when done, and the server's problem (with a reload after a 409) when not.
 */
import type { ReactNode } from 'react';
import { App } from 'antd';
import { useApiErrorHandler } from './errors.ts';

export interface ConfirmedWrite {
  title: string;
  content?: ReactNode;
  /** The button; 删除 by default, shown red unless `safe`. */
  okText?: string;
  safe?: boolean;
  /** The toast after success; 已删除 by default, none for null. */
  done?: string | null;
  run: () => Promise<unknown>;
  /** After success, and after a 409 (to show the current version). */
  reload: () => void;
}

export function useConfirmedWrite() {
  const { modal, message } = App.useApp();
  const onError = useApiErrorHandler();
  return (w: ConfirmedWrite) =>
    modal.confirm({
      title: w.title,
      content: w.content,
      okText: w.okText ?? '删除',
      okButtonProps: { danger: !w.safe },
      onOk: async () => {
        try {
          await w.run();
          const done = w.done === undefined ? '已删除' : w.done;
          if (done) void message.success(done);
          w.reload();
        } catch (err) {
          onError(err, { onConflict: w.reload });
        }
      },
    });
}
