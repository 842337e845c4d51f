/**
 * 我的提醒: reminders and 督办 addressed to me or my unit, with 签收/确认/回复 — the same card as on
 * the 超期督办 page, on its own menu entry, open ones by default and all of them on request.
 */
import { Segmented } from 'antd';
import { useState } from 'react';
import { MyReminders } from './SupervisionCards.tsx';

export default function MyRemindersPage() {
  const [tick, setTick] = useState(0);
  const [status, setStatus] = useState<'open' | 'all'>('open');
  return (
    <MyReminders
      tick={tick}
      status={status}
      onChanged={() => setTick((n) => n + 1)}
      extra={
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as 'open' | 'all')}
          options={[
            { value: 'open', label: '待处理' },
            { value: 'all', label: '全部' },
          ]}
        />
      }
    />
  );
}
