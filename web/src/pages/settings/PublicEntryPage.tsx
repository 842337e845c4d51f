/**
 * 群众诉求入口: the address of the town's public page (residents file and follow appeals there
 * without an account) and a printable poster with its QR code for noticeboards and service halls.
 * The QR code is antd's own `QRCode` (already part of the UI library: no extra dependency).
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, QRCode, Space, Typography } from 'antd';
import { orgApi } from '../../api/org.ts';
import { useLoader } from '../../api/useLoader.ts';
import { useSession } from '../../session/session.tsx';
import './settings.css';

export default function PublicEntryPage() {
  const { townId } = useSession();
  const town = useLoader(() => orgApi.town(townId), [townId]);
  const url = town.data ? `${window.location.origin}/public/appeal/${town.data.code}` : '';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card title="群众诉求入口" loading={town.loading && !town.data}>
        <Typography.Paragraph>
          群众用手机扫码或打开下面的网址，无需注册即可反映诉求、上传照片、凭查询码查看办理进度，并对答复进行评价（评价即回访）。
        </Typography.Paragraph>
        <Typography.Paragraph>
          网址：
          <Typography.Text copyable={{ text: url }} strong data-testid="public-entry-url">
            {url}
          </Typography.Text>
        </Typography.Paragraph>
        {url.startsWith('http://127.') || url.includes('localhost') ? (
          <Alert
            type="warning"
            showIcon
            message="当前是在本机打开的系统，网址只在这台电脑上有效；请用群众能访问的正式网址登录后再打印海报。"
          />
        ) : null}
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          style={{ marginTop: 16 }}
          disabled={!url}
          onClick={() => window.print()}
        >
          打印海报
        </Button>
      </Card>
      {town.data && (
        <div className="print-poster" data-testid="public-entry-poster">
          <div className="print-poster-town">{town.data.name}</div>
          <div className="print-poster-title">群众诉求 扫码反映</div>
          <QRCode value={url} type="svg" size={260} bordered={false} errorLevel="M" />
          <div className="print-poster-steps">
            扫码填写诉求，可上传照片 · 凭查询码查看办理进度 · 对答复进行评价
          </div>
          <div className="print-poster-url">{url}</div>
          <div className="print-poster-note">
            紧急情况请拨打 110、119、120 · 政务服务便民热线 12345
          </div>
        </div>
      )}
    </Space>
  );
}
