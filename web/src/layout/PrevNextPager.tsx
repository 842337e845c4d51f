/** 上一页 / 下一页 under a cursor-paged table, with the number of the page shown. */
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
}

export function PrevNextPager({ page, hasNext, onPrev, onNext, pageSize }: Props) {
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
