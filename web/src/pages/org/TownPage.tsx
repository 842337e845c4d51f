/**
 * 乡镇信息 — the current town's name, code and office hours (办公时间, in which working-hour
 * limits of appeals run), edited by its admin; for a county admin, also the county's towns with
 * 新增乡镇 (see CountyTownsCard).
 */
import { useState } from 'react';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { orgApi } from '../../api/org.ts';
import { useLoader } from '../../api/useLoader.ts';
import { useSession } from '../../session/session.tsx';
import { CountyTownsCard } from './CountyTownsCard.tsx';
import { TownEditModal } from './TownEditModal.tsx';

export default function TownPage() {
  const { townId, isAdmin } = useSession();
  const town = useLoader(() => orgApi.town(townId), [townId]);
  const counties = useLoader(() => orgApi.counties(), [townId]);
  const [editing, setEditing] = useState(false);
  const county = counties.data?.find((c) => c.id === town.data?.countyId);
  const t = town.data;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title="乡镇信息"
        loading={town.loading && !t}
        extra={
          isAdmin && t ? (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              编辑
            </Button>
          ) : null
        }
      >
        {t && (
          <Descriptions column={1} bordered size="middle" styles={{ label: { width: 160 } }}>
            <Descriptions.Item label="乡镇名称">{t.name}</Descriptions.Item>
            <Descriptions.Item label="乡镇编码">
              <Typography.Text code>{t.code}</Typography.Text>
              <Typography.Text type="secondary">
                {' '}
                群众诉求链接、对外接口和系统维护工具使用此编码
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="所属县（区）">{t.countyName}</Descriptions.Item>
            <Descriptions.Item label="办公时间">
              {t.settings.officeHours.map((p) => `${p.start}–${p.end}`).join('，')}
              {t.defaultOfficeHours && <Tag style={{ marginInlineStart: 8 }}>系统默认</Tag>}
              <div>
                <Typography.Text type="secondary">
                  按“工作小时”计算的办理时限只在办公时间内计时。
                </Typography.Text>
              </div>
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {county?.isCountyAdmin && <CountyTownsCard county={county} onChanged={counties.reload} />}
      {editing && t && (
        <TownEditModal
          town={t}
          canChangeCode={!!county?.isCountyAdmin}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            town.reload();
            counties.reload();
          }}
          onConflict={town.reload}
        />
      )}
    </Space>
  );
}
