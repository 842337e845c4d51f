/**
 * 工作日历: a year's holidays (放假) and make-up working days (调休上班) from the State Council
 * notice, on which every working-day deadline depends. The system operator (系统运维) enters and
 * corrects a year; everyone else reads it, with a warning when a year has not been entered yet.
 */
import { Alert, App, Button, Card, DatePicker, Input, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { calendarApi, type CalendarDay } from '../../api/calendar.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useLoader } from '../../api/useLoader.ts';
import { currentYear } from '../../lib/time.ts';
import { useSession } from '../../session/session.tsx';

const KIND_LABEL: Record<CalendarDay['kind'], string> = {
  holiday: '放假',
  workday: '调休上班',
};

function DayEditor({
  year,
  days,
  onSaved,
}: {
  year: number;
  days: CalendarDay[];
  onSaved: () => void;
}) {
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [rows, setRows] = useState<CalendarDay[]>(days);
  const [saving, setSaving] = useState(false);
  const set = (i: number, patch: Partial<CalendarDay>) =>
    setRows((r) => r.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const save = async () => {
    setSaving(true);
    try {
      const sorted = [...rows].filter((d) => d.date).sort((a, b) => a.date.localeCompare(b.date));
      const saved = await calendarApi.save(year, sorted);
      void message.success(
        `已保存 ${year} 年工作日历，重算了 ${saved.recomputed ?? 0} 件工单的期限`,
      );
      onSaved();
    } catch (err) {
      onError(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="calendar-editor">
      {rows.map((d, i) => (
        <Space key={i} wrap>
          <DatePicker
            aria-label="日期"
            value={d.date ? dayjs(d.date) : null}
            onChange={(v) => set(i, { date: v ? v.format('YYYY-MM-DD') : '' })}
          />
          <Select
            aria-label="类型"
            style={{ width: 130 }}
            value={d.kind}
            onChange={(kind) => set(i, { kind })}
            options={Object.entries(KIND_LABEL).map(([value, label]) => ({ value, label }))}
          />
          <Input
            aria-label="名称"
            placeholder="如：春节"
            style={{ width: 160 }}
            value={d.name ?? ''}
            onChange={(e) => set(i, { name: e.target.value || undefined })}
          />
          <Button onClick={() => setRows((r) => r.filter((_, j) => j !== i))}>删除</Button>
        </Space>
      ))}
      <Space>
        <Button onClick={() => setRows((r) => [...r, { date: '', kind: 'holiday' }])}>
          添加日期
        </Button>
        <Button type="primary" loading={saving} onClick={() => void save()}>
          保存 {year} 年
        </Button>
      </Space>
    </Space>
  );
}

function DayTable({ days, loading }: { days: CalendarDay[]; loading: boolean }) {
  return (
    <Table
      rowKey="date"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={days}
      data-testid="calendar-days"
      locale={{ emptyText: '该年没有录入放假或调休日期' }}
      columns={[
        { title: '日期', dataIndex: 'date' },
        {
          title: '类型',
          dataIndex: 'kind',
          render: (k: CalendarDay['kind']) => (
            <Tag color={k === 'holiday' ? 'red' : 'blue'}>{KIND_LABEL[k]}</Tag>
          ),
        },
        { title: '名称', dataIndex: 'name' },
      ]}
    />
  );
}

export default function WorkCalendarPage() {
  const { user } = useSession();
  const operator = (user?.systemRoles ?? []).some((r) => r.role === 'system_operator');
  const thisYear = currentYear();
  const [year, setYear] = useState(thisYear);
  const [editing, setEditing] = useState(false);
  const shown = useLoader(() => calendarApi.year(year), [year]);
  const next = useLoader(() => calendarApi.year(thisYear + 1), [thisYear]);
  const days = shown.data?.days ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      {next.data && !next.data.covered && (
        <Alert
          type="warning"
          showIcon
          data-testid="calendar-next-year-warning"
          message={`${thisYear + 1} 年的节假日安排尚未录入`}
          description={
            operator
              ? '国务院办公厅发布通知后，请在此录入放假和调休上班日期；未录入前按周末推算期限。'
              : '国务院办公厅发布通知后由系统运维录入；未录入前按周末推算期限，跨年的办理时限可能不准。'
          }
        />
      )}
      <Card
        title="工作日历"
        extra={
          <Space>
            <Select
              aria-label="年份"
              value={year}
              style={{ width: 110 }}
              onChange={(y) => {
                setYear(y);
                setEditing(false);
              }}
              options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({
                value: y,
                label: `${y} 年`,
              }))}
            />
            {operator && !editing && (
              <Button type="primary" onClick={() => setEditing(true)}>
                {shown.data?.covered ? '修改' : '录入'}
              </Button>
            )}
          </Space>
        }
      >
        {(shown.data?.warnings ?? []).map((w) => (
          <Alert key={w} type="warning" showIcon message={w} style={{ marginBottom: 16 }} />
        ))}
        {!operator && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message="工作日历全国统一，由系统运维按国务院办公厅的放假通知录入，乡镇只能查看。"
          />
        )}
        {editing && shown.data ? (
          <DayEditor
            key={year}
            year={year}
            days={days}
            onSaved={() => {
              setEditing(false);
              shown.reload();
              next.reload();
            }}
          />
        ) : (
          <DayTable days={days} loading={shown.loading} />
        )}
      </Card>
    </Space>
  );
}
