/**
 * 群众诉求 (no login, phone first): submit an appeal (with up to three photos, which are public:
 * shown on the tracking page), told first what will be public, and get a tracking code; look up
 * its progress by code, and rate it once it is closed. A submission carries an idempotency key
 * that is kept until the server confirms, so a retry after a lost answer cannot file it twice.
 */
import { App, Button, Card, ConfigProvider, Form, Input, Segmented, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { publicApi, type PublicCatalog, type PublicReceipt } from '../../api/appeals.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { PublicStatus } from './PublicStatus.tsx';
import { PublicSubmitForm } from './PublicSubmitForm.tsx';
import './public.css';

/** `/public/appeal/<townCode>`: the town comes from the link or QR code the town publishes. */
function useTownCode(): string {
  const { pathname } = useLocation();
  return decodeURIComponent(pathname.split('/')[3] ?? '');
}

/** The town's public catalogue (categories, villages); undefined while loading or without a town. */
function useCatalog(townCode: string): PublicCatalog | undefined {
  const onError = useApiErrorHandler();
  const [loaded, setLoaded] = useState<{ townCode: string; catalog: PublicCatalog }>();
  useEffect(() => {
    if (townCode)
      publicApi.catalog(townCode).then((catalog) => setLoaded({ townCode, catalog }), onError);
  }, [townCode, onError]);
  // Another town's catalogue is not this one's.
  return loaded?.townCode === townCode ? loaded.catalog : undefined;
}

/** The receipt: the tracking code to keep, and the ways on. */
function CreatedCard({
  created,
  onTrack,
  onAnother,
}: {
  created: PublicReceipt;
  onTrack: () => void;
  onAnother: () => void;
}) {
  return (
    <Card className="public-card public-code-card" data-testid="public-created">
      <div className="public-ok">已收到您的诉求</div>
      <div className="public-code-label">查询码</div>
      <div className="public-code" data-testid="public-code">
        {created.trackingCode}
      </div>
      <Typography.Paragraph type="secondary">
        请截图或抄下查询码，凭它查询办理进度、评价办理结果。拨打热线时可报工单号{' '}
        <span style={{ whiteSpace: 'nowrap' }}>{created.code}</span>。
      </Typography.Paragraph>
      <Button block size="large" type="primary" onClick={onTrack}>
        查询进度
      </Button>
      <Button block size="large" type="link" onClick={onAnother}>
        再反映一件事
      </Button>
    </Card>
  );
}

/** Without a town in the link: asks for the town's code. */
function TownCodeForm() {
  const navigate = useNavigate();
  return (
    <Form
      layout="vertical"
      size="large"
      onFinish={(v: { code: string }) =>
        navigate(`/public/appeal/${encodeURIComponent(v.code.trim())}`)
      }
    >
      <Typography.Paragraph>请扫描乡镇公布的二维码进入，或输入乡镇代码：</Typography.Paragraph>
      <Form.Item name="code" rules={[{ required: true, message: '请输入乡镇代码' }]}>
        <Input placeholder="如 qingshi" autoCapitalize="off" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block>
        进入
      </Button>
    </Form>
  );
}

/** 我要反映: the form, or the receipt of what was just filed. */
function SubmitTab({
  townCode,
  catalog,
  created,
  onCreated,
  onTrack,
}: {
  townCode: string;
  catalog: PublicCatalog | undefined;
  created: PublicReceipt | undefined;
  onCreated: (r: PublicReceipt | undefined) => void;
  onTrack: (trackingCode: string) => void;
}) {
  if (created)
    return (
      <CreatedCard
        created={created}
        onTrack={() => onTrack(created.trackingCode)}
        onAnother={() => onCreated(undefined)}
      />
    );
  return (
    <Card className="public-card">
      {!townCode && <TownCodeForm />}
      {townCode && !catalog && <Spin style={{ display: 'block', margin: 32 }} />}
      {catalog && <PublicSubmitForm catalog={catalog} townCode={townCode} onDone={onCreated} />}
    </Card>
  );
}

function PublicAppealBody() {
  const [params, setParams] = useSearchParams();
  const townCode = useTownCode();
  const catalog = useCatalog(townCode);
  const [created, setCreated] = useState<PublicReceipt>();
  const mode = params.get('code') || params.get('tab') === 'track' ? 'track' : 'submit';

  return (
    <div className="public-page">
      <header className="public-header">
        <div className="public-title">{catalog?.town.name ?? ''}群众诉求</div>
        <div className="public-subtitle">有事您说话 · 接诉即办</div>
      </header>
      <main className="public-main">
        <Segmented
          block
          size="large"
          value={mode}
          onChange={(m) => setParams(m === 'track' ? { tab: 'track' } : {})}
          options={[
            { value: 'submit', label: '我要反映' },
            { value: 'track', label: '查询进度' },
          ]}
        />
        {mode === 'submit' && (
          <SubmitTab
            townCode={townCode}
            catalog={catalog}
            created={created}
            onCreated={setCreated}
            onTrack={(code) => setParams({ code })}
          />
        )}
        {mode === 'track' && <PublicStatus initialCode={params.get('code') ?? ''} />}
      </main>
      <footer className="public-footer">
        紧急情况请拨打 110、119、120 · 政务服务便民热线 12345
      </footer>
    </div>
  );
}

export default function PublicAppealPage() {
  return (
    <ConfigProvider theme={{ token: { colorPrimary: '#c8102e', borderRadius: 8, fontSize: 16 } }}>
      <App>
        <PublicAppealBody />
      </App>
    </ConfigProvider>
  );
}
