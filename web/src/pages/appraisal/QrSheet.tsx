/**
 * 二维码测评票: one slip per token, grouped by electorate group, for printing right after opening
 * (only hashes are kept on the server, so this sheet cannot be shown again: a lost one is reissued).
 * antd's own QRCode (no extra dependency) draws each link; the slip says which group it is for.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, QRCode, Space, Typography } from 'antd';
import { voteLink, type TokenSheet } from '../../api/appraisal.ts';

export function QrSheet({
  title,
  sheets,
  onClose,
}: {
  title: string;
  sheets: TokenSheet[];
  onClose: () => void;
}) {
  return (
    <Card
      title="二维码测评票"
      extra={
        <Space className="qr-noprint">
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印
          </Button>
          <Button onClick={onClose}>已打印，关闭</Button>
        </Space>
      }
    >
      <Alert
        className="qr-noprint"
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        message="二维码只显示这一次，请现在打印并裁开分发。每个二维码只能投一次；遗失时可在下方“重新生成”（该类别未使用的旧二维码作废）。"
      />
      {sheets.map((s) => (
        <div key={s.groupId} style={{ marginBottom: 16 }}>
          <Typography.Title level={5}>
            {s.groupName}（{s.tokens.length}张）
          </Typography.Title>
          <div className="qr-sheet">
            {s.tokens.map((token, i) => (
              <div className="qr-slip" key={token}>
                <QRCode value={voteLink(token)} size={150} bordered={false} />
                <div className="qr-slip-caption">
                  {title} · {s.groupName} · 第{i + 1}张
                  <br />
                  请用手机扫码，不记名投票
                </div>
                <a className="qr-noprint" href={voteLink(token)} target="_blank" rel="noreferrer">
                  投票链接
                </a>
              </div>
            ))}
          </div>
        </div>
      ))}
    </Card>
  );
}
