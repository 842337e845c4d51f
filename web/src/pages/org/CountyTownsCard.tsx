/**
 * The county admin's view of their county (shown on 乡镇信息): its towns, 新增乡镇 (the creator
 * becomes the new town's admin and can switch to it at once), renaming the county, and removing
 * a town that was added by mistake and holds nothing yet.
 */
import { useState } from 'react';
import { App, Button, Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { authApi } from '../../api/auth.ts';
import { orgApi, type County } from '../../api/org.ts';
import { useConfirmedWrite } from '../../api/useConfirmedWrite.ts';
import { useSession } from '../../session/session.tsx';
import { AddTownModal, RenameCountyModal } from './CountyModals.tsx';

type CountyTown = County['towns'][number];

interface Props {
  county: County;
  onChanged: () => void;
}

function townColumns(
  townId: string,
  open: (t: CountyTown) => void,
  remove: (t: CountyTown) => void,
): TableColumnsType<CountyTown> {
  return [
    {
      title: '乡镇',
      dataIndex: 'name',
      render: (name: string, t) => (
        <>
          {name}
          {t.id === townId && (
            <Tag color="blue" style={{ marginInlineStart: 8 }}>
              当前
            </Tag>
          )}
        </>
      ),
    },
    {
      title: '编码',
      dataIndex: 'code',
      width: 180,
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_, t) =>
        t.id !== townId && (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => open(t)}>
              切换到此乡镇
            </Button>
            <Button type="link" size="small" danger onClick={() => remove(t)}>
              删除
            </Button>
          </Space>
        ),
    },
  ];
}

export function CountyTownsCard({ county, onChanged }: Props) {
  const { townId, setTown, signedIn } = useSession();
  const { message } = App.useApp();
  const confirm = useConfirmedWrite();
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState(false);

  // The session's grants list the towns one may switch to; a new or removed town changes them.
  const refreshSession = async () => signedIn(await authApi.me());
  const remove = (t: CountyTown) =>
    confirm({
      title: `删除乡镇「${t.name}」？`,
      content: '只能删除尚未建立任何单位、人员、账号或记录的乡镇（误建时使用）。',
      run: async () => {
        await orgApi.deleteTown(t);
        await refreshSession();
      },
      reload: onChanged,
    });

  return (
    <Card
      title={`${county.name}的乡镇（${county.towns.length} 个）`}
      extra={
        <Space>
          <Button icon={<EditOutlined />} onClick={() => setRenaming(true)}>
            修改县（区）名称
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            新增乡镇
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        您是本县（区）各乡镇的管理员（县级管理员）。新增的乡镇由您管理，切换到该乡镇后即可建立单位、人员和用户。
      </Typography.Paragraph>
      <Table<CountyTown>
        rowKey="id"
        columns={townColumns(townId, (t) => setTown(t.id), remove)}
        dataSource={county.towns}
        pagination={false}
        size="middle"
      />
      {adding && (
        <AddTownModal
          countyId={county.id}
          onClose={() => setAdding(false)}
          onSaved={async (name) => {
            setAdding(false);
            void message.success(`已新增${name}，可点击“切换到此乡镇”开始建立组织机构`);
            await refreshSession();
            onChanged();
          }}
        />
      )}
      {renaming && (
        <RenameCountyModal
          county={county}
          onClose={() => setRenaming(false)}
          onSaved={() => {
            setRenaming(false);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
