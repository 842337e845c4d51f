/**
 * The buttons above a ledger's records: the column chooser, 导出 (the list as filtered), 导入,
 * 新增记录, and ⋯ with the blank template and (admins) 修改台账字段.
 */
import { Link } from 'react-router-dom';
import { Button, Checkbox, Dropdown, Popover, Space } from 'antd';
import {
  DownloadOutlined,
  MoreOutlined,
  PlusOutlined,
  SettingOutlined,
  TableOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { templateUrl, type LedgerField, type LedgerType } from '../../api/ledgers.ts';

interface Props {
  type: LedgerType;
  townId: string;
  fields: LedgerField[];
  hidden: string[];
  onHidden: (keys: string[]) => void;
  exportHref: string;
  /** For those who may write. */
  onImport: (() => void) | null;
  onNew: (() => void) | null;
  isAdmin: boolean;
}

function ColumnChooser({
  fields,
  hidden,
  onHidden,
}: Pick<Props, 'fields' | 'hidden' | 'onHidden'>) {
  const keys = fields.map((f) => f.key);
  return (
    <Checkbox.Group
      style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
      value={keys.filter((k) => !hidden.includes(k))}
      options={fields.map((f) => ({ value: f.key, label: f.label }))}
      onChange={(shown) => onHidden(keys.filter((k) => !shown.includes(k)))}
    />
  );
}

function moreItems(type: LedgerType, townId: string, isAdmin: boolean) {
  const template = {
    key: 'template',
    icon: <DownloadOutlined />,
    label: <a href={templateUrl(townId, type.code)}>下载导入模板</a>,
  };
  const design = {
    key: 'design',
    icon: <SettingOutlined />,
    label: <Link to={`/ledgers/${type.code}/design`}>修改台账字段</Link>,
  };
  return isAdmin ? [template, design] : [template];
}

export function RecordsToolbar({
  type,
  townId,
  exportHref,
  onImport,
  onNew,
  isAdmin,
  ...columns
}: Props) {
  return (
    <Space wrap>
      <Popover
        content={<ColumnChooser {...columns} />}
        title="显示的列"
        trigger="click"
        placement="bottomRight"
      >
        <Button icon={<TableOutlined />}>列</Button>
      </Popover>
      <Button icon={<DownloadOutlined />} href={exportHref} data-testid="ledger-export">
        导出
      </Button>
      {onImport && (
        <Button icon={<UploadOutlined />} onClick={onImport}>
          导入
        </Button>
      )}
      {onNew && (
        <Button type="primary" icon={<PlusOutlined />} onClick={onNew} data-testid="record-new">
          新增记录
        </Button>
      )}
      <Dropdown menu={{ items: moreItems(type, townId, isAdmin) }}>
        <Button icon={<MoreOutlined />} aria-label="更多" />
      </Dropdown>
    </Space>
  );
}
