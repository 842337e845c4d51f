/** 上一页 / 下一页 under a cursor-paged table, with the number of the page shown. */
import type { ReactNode } from 'react';
import { Button, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';

interface Props {
  /** 1-based. */
  page: number;
  hasNext: boolean;
  onPrev: () => void;
  onNext: () => void;
  /** Said after the page number when given (每页 N 条). */
  pageSize?: number;
  /** Shown at the left end of the bar (e.g. a link to the whole list). */
  start?: ReactNode;
}

export function PrevNextPager({ page, hasNext, onPrev, onNext, pageSize, start }: Props) {
  return (
    <div
      style={{
        display: 'flex',
        justifyContent: 'flex-end',
        alignItems: 'center',
        gap: 8,
        marginTop: 16,
      }}
    >
      {start && <div style={{ marginRight: 'auto' }}>{start}</div>}
      <Typography.Text type="secondary">
        第 {page} 页{pageSize ? ` · 每页 ${pageSize} 条` : ''}
      </Typography.Text>
      <Button icon={<LeftOutlined />} disabled={page <= 1} onClick={onPrev}>
        上一页
      </Button>
      <Button disabled={!hasNext} onClick={onNext}>
        下一页 <RightOutlined />
      </Button>
    </div>
  );
}
