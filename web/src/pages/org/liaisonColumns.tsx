/**
 * The 包联村 table: each village with its liaisons as tags (click to edit, × to end 结束包联;
 * ended ones grey) and 添加包联.
 */
import { Button, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Unit, VillageLiaison } from '../../api/org.ts';
import type { LiaisonEditMode } from './LiaisonEditModal.tsx';
import type { LiaisonRow } from './liaisonRows.ts';

interface Props {
  liaisons: VillageLiaison[];
  today: string;
  /** For those who may change the organisation. */
  onEdit: ((liaison: VillageLiaison, mode: LiaisonEditMode) => void) | null;
}

const period = (l: VillageLiaison) =>
  l.endsOn ? `${l.startsOn} 至 ${l.endsOn}` : `${l.startsOn} 起`;

export function LiaisonTags({ liaisons, today, onEdit }: Props) {
  if (!liaisons.length) return <Typography.Text type="warning">暂无包联领导</Typography.Text>;
  return (
    <Space size={[0, 4]} wrap>
      {liaisons.map((l) => {
        const ended = !!l.endsOn && l.endsOn < today;
        return (
          <Tag
            key={l.id}
            color={ended ? 'default' : 'blue'}
            closable={!!onEdit && !ended}
            closeIcon={<span title="结束包联">×</span>}
            onClose={(e) => {
              e.preventDefault();
              onEdit?.(l, 'end');
            }}
            onClick={onEdit ? () => onEdit(l, 'edit') : undefined}
            style={onEdit ? { cursor: 'pointer' } : undefined}
          >
            {l.personName}（{period(l)}）
          </Tag>
        );
      })}
    </Space>
  );
}

export function liaisonColumns(
  today: string,
  edit: Props['onEdit'],
  add: ((village: Unit) => void) | null,
): TableColumnsType<LiaisonRow> {
  const columns: TableColumnsType<LiaisonRow> = [
    { title: '村（社区）', key: 'village', width: 160, render: (_, r) => r.village.name },
    {
      title: '包联领导',
      key: 'liaisons',
      render: (_, r) => <LiaisonTags liaisons={r.liaisons} today={today} onEdit={edit} />,
    },
  ];
  if (!add) return columns;
  return [
    ...columns,
    {
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_, r) => (
        <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => add(r.village)}>
          添加包联
        </Button>
      ),
    },
  ];
}
