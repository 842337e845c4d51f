/** A drawer holding one form, with 取消 and 保存 at the top right. */
import type { ReactNode } from 'react';
import { Button, Drawer, Space } from 'antd';

interface Props {
  title: ReactNode;
  size: number;
  busy: boolean;
  onClose: () => void;
  onSave: () => void;
  saveTestId?: string;
  children: ReactNode;
}

export function FormDrawer({ title, size, busy, onClose, onSave, saveTestId, children }: Props) {
  return (
    <Drawer
      open
      title={title}
      size={size}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={onSave} data-testid={saveTestId}>
            保存
          </Button>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}
