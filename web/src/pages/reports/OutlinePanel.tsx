/**
 * 目录 — the report's outline with its automatic numbering (一、（一）1.). Clicking a heading scrolls
 * to it; in a draft each heading's ⋯ menu adds a section after it or a subsection under it,
 * renames, moves it up or down among its siblings (with its subsections), or deletes it.
 */
import { Button, Card, Dropdown, Space, Tooltip, type MenuProps } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  MoreOutlined,
  PlusOutlined,
  RedoOutlined,
  SubnodeOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import type { ReportDocument } from '../../api/reports.ts';
import { canMoveSection, MAX_EDIT_LEVEL, type Placement } from './outlineOps.ts';
import type { OutlineHistory } from './useReportDocument.ts';

export type OutlineAction =
  | { type: 'add'; refId: string; placement: Placement }
  | { type: 'rename'; id: string }
  | { type: 'move'; id: string; direction: 'up' | 'down' }
  | { type: 'delete'; id: string };

interface Props {
  doc: ReportDocument;
  markers: string[];
  editable: boolean;
  history: OutlineHistory;
  onJump: (sectionId: string) => void;
  onAction: (action: OutlineAction) => void;
}

function menuFor(doc: ReportDocument, id: string, level: number): MenuProps['items'] {
  if (level === 0)
    return [{ key: 'add-sibling', icon: <PlusOutlined />, label: '在开头后添加章节' }];
  return [
    { key: 'add-sibling', icon: <PlusOutlined />, label: '在其后添加同级章节' },
    {
      key: 'add-child',
      icon: <SubnodeOutlined />,
      label: '添加下级小节',
      disabled: level >= MAX_EDIT_LEVEL,
    },
    { key: 'rename', icon: <EditOutlined />, label: '修改标题' },
    { type: 'divider' },
    {
      key: 'up',
      icon: <ArrowUpOutlined />,
      label: '上移',
      disabled: !canMoveSection(doc, id, 'up'),
    },
    {
      key: 'down',
      icon: <ArrowDownOutlined />,
      label: '下移',
      disabled: !canMoveSection(doc, id, 'down'),
    },
    { type: 'divider' },
    { key: 'delete', icon: <DeleteOutlined />, label: '删除本节', danger: true },
  ];
}

function toAction(key: string, id: string): OutlineAction {
  if (key === 'add-sibling' || key === 'add-child')
    return { type: 'add', refId: id, placement: key === 'add-child' ? 'child' : 'sibling' };
  if (key === 'up' || key === 'down') return { type: 'move', id, direction: key };
  return key === 'rename' ? { type: 'rename', id } : { type: 'delete', id };
}

/** 撤销 and 重做 of outline changes. */
function HistoryButtons({ history }: { history: OutlineHistory }) {
  return (
    <Space size={0}>
      <Tooltip title="撤销章节调整">
        <Button
          type="text"
          size="small"
          icon={<UndoOutlined />}
          disabled={!history.canUndo}
          onClick={history.undo}
          aria-label="撤销章节调整"
        />
      </Tooltip>
      <Tooltip title="重做">
        <Button
          type="text"
          size="small"
          icon={<RedoOutlined />}
          disabled={!history.canRedo}
          onClick={history.redo}
          aria-label="重做章节调整"
        />
      </Tooltip>
    </Space>
  );
}

/** One heading of the outline, with its ⋯ menu in a draft. */
function OutlineItem({
  doc,
  section: s,
  marker,
  editable,
  onJump,
  onAction,
}: Omit<Props, 'markers' | 'history'> & {
  section: ReportDocument['sections'][number];
  marker: string | undefined;
}) {
  return (
    <div
      className={`report-outline-item level-${s.level}`}
      data-testid="outline-item"
      data-section-id={s.id}
    >
      <span className="report-outline-label" onClick={() => onJump(s.id)}>
        {s.level === 0 || !s.heading ? '开头' : `${marker}${s.heading}`}
      </span>
      {editable && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: menuFor(doc, s.id, s.level),
            onClick: ({ key, domEvent }) => {
              domEvent.stopPropagation();
              onAction(toAction(key, s.id));
            },
          }}
        >
          <Button
            type="text"
            size="small"
            className="report-outline-more"
            icon={<MoreOutlined />}
            aria-label={`章节操作：${s.heading || '开头'}`}
          />
        </Dropdown>
      )}
    </div>
  );
}

export function OutlinePanel({ doc, markers, editable, history, onJump, onAction }: Props) {
  // A new top-level section goes after the last one (and its subsections): the end of the report.
  const lastTop =
    [...doc.sections].reverse().find((s) => s.level === 1) ?? doc.sections[doc.sections.length - 1];
  return (
    <Card
      size="small"
      title="目录"
      extra={editable && <HistoryButtons history={history} />}
      className="report-outline"
      data-testid="report-outline"
    >
      {doc.sections.map((s, i) => (
        <OutlineItem
          key={s.id}
          doc={doc}
          section={s}
          marker={markers[i]}
          editable={editable}
          onJump={onJump}
          onAction={onAction}
        />
      ))}
      {editable && lastTop && (
        <Button
          block
          type="dashed"
          size="small"
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          onClick={() => onAction({ type: 'add', refId: lastTop.id, placement: 'sibling' })}
        >
          添加一级章节
        </Button>
      )}
    </Card>
  );
}
