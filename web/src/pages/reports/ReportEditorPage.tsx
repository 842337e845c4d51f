/**
 * 述职报告编辑 — outline on the left (click to scroll), the report on the right: each section's
 * heading and its paragraphs in a tiptap editor with metric chips. 保存 sends `version` (409 →
 * reload); 检查, 定稿, 历史版本, 导出. Frozen reports and other people's reports are read-only.
 * tiptap is imported only from this page's chunk.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Dropdown, Empty, Space, Spin, Tag, Typography } from 'antd';
import { CheckCircleOutlined, DownloadOutlined, HistoryOutlined, LockOutlined, SaveOutlined, SearchOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client.ts';
import { reportsApi, type LintResult, type Report, type ReportDocument, type ReportParagraph } from '../../api/reports.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { ChipRecordsDrawer } from './ChipRecordsDrawer.tsx';
import { LintDrawer } from './LintDrawer.tsx';
import { RevisionsDrawer } from './RevisionsDrawer.tsx';
import { SectionEditor } from './SectionEditor.tsx';
import { chipIndex, countChips, headingMarkers, withSectionParagraphs, type ChipAttrs } from './docConvert.ts';
import './reports.css';

const sectionDomId = (id: string) => `report-sec-${id}`;

export default function ReportEditorPage() {
  const { id = '' } = useParams();
  const { townId, user, isAdmin } = useSession();
  const { message, modal } = App.useApp();
  const onError = useApiErrorHandler();
  const [report, setReport] = useState<Report | null>(null);
  const [doc, setDoc] = useState<ReportDocument | null>(null);
  const [dirty, setDirty] = useState(false);
  const [mount, setMount] = useState(0);
  const [saving, setSaving] = useState(false);
  const [lint, setLint] = useState<LintResult | null>(null);
  const [linting, setLinting] = useState(false);
  const [revisionsOpen, setRevisionsOpen] = useState(false);
  const [chip, setChip] = useState<{ index: number; attrs: ChipAttrs } | null>(null);

  const show = useCallback((r: Report) => {
    setReport(r);
    setDoc(r.document);
    setDirty(false);
    setMount((m) => m + 1);
  }, []);

  const load = useCallback(() => {
    reportsApi.get(townId, id).then(show, (err) => onError(err));
  }, [townId, id, show, onError]);
  useEffect(load, [load]);

  const canWrite = !!report && report.state === 'draft' && (isAdmin || (!!user?.personId && user.personId === report.personId));
  const markers = useMemo(() => headingMarkers(doc?.sections ?? []), [doc?.sections]);

  const onSectionChange = useCallback((sectionId: string, paragraphs: ReportParagraph[]) => {
    setDoc((d) => (d ? withSectionParagraphs(d, sectionId, paragraphs) : d));
    setDirty(true);
  }, []);

  const onChipOpen = useCallback(
    (attrs: ChipAttrs) => {
      if (!report) return;
      const index = chipIndex(report.document, attrs);
      if (index < 0) {
        void message.info('这个数字还未保存，请先保存后再查看明细');
        return;
      }
      setChip({ index, attrs });
    },
    [report, message],
  );

  const conflict = useCallback(() => {
    void message.warning('报告已被他人修改，已重新载入最新版本，请在此基础上修改');
    load();
  }, [message, load]);

  const save = async () => {
    if (!report || !doc) return;
    setSaving(true);
    try {
      show(await reportsApi.save(townId, report.id, report.version, doc));
      void message.success('已保存');
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) conflict();
      else onError(err);
    } finally {
      setSaving(false);
    }
  };

  const runLint = async () => {
    if (!report) return;
    if (dirty) void message.info('检查的是已保存的内容，未保存的修改不在检查范围内');
    setLinting(true);
    try {
      setLint(await reportsApi.lint(townId, report.id));
    } catch (err) {
      onError(err);
    } finally {
      setLinting(false);
    }
  };

  const freeze = () => {
    if (!report) return;
    modal.confirm({
      title: '定稿后不能再修改',
      content: dirty ? '还有未保存的修改，定稿将以已保存的内容为准。报告中的数字将取当前值后固定，不再随台账变化。确定定稿？' : '报告中的数字将取当前值后固定，不再随台账变化。确定定稿？',
      okText: '定稿',
      cancelText: '取消',
      onOk: async () => {
        try {
          show(await reportsApi.freeze(townId, report.id, report.version));
          void message.success('已定稿');
        } catch (err) {
          if (err instanceof ApiError && err.status === 409) conflict();
          else onError(err);
        }
      },
    });
  };

  const jump = (sectionId: string) => document.getElementById(sectionDomId(sectionId))?.scrollIntoView({ behavior: 'smooth', block: 'start' });

  if (!report || !doc) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  const frozen = report.state === 'frozen';
  const exportItems = (['docx', 'md', 'html'] as const).map((f) => ({
    key: f,
    label: <a href={reportsApi.exportUrl(townId, report.id, f)} download data-testid={`export-${f}`}>{{ docx: '导出 Word', md: '导出 Markdown', html: '导出 HTML' }[f]}</a>,
  }));

  return (
    <div className="report-editor">
      <Card size="small" className="report-toolbar">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space>
            <Link to="/reports">述职报告</Link>
            <Typography.Text type="secondary">/</Typography.Text>
            <Typography.Text strong>{report.personName ?? '—'} · {report.year} 年度</Typography.Text>
            {frozen ? <Tag icon={<LockOutlined />} color="green">已定稿</Tag> : <Tag color="blue">草稿 · 第 {report.version} 版</Tag>}
            {dirty && <Tag color="orange">有未保存的修改</Tag>}
            <Typography.Text type="secondary">{countChips(doc)} 个数字</Typography.Text>
          </Space>
          <Space wrap>
            {canWrite && <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!dirty} onClick={save}>保存</Button>}
            <Button icon={<SearchOutlined />} loading={linting} onClick={runLint}>检查</Button>
            {canWrite && <Button icon={<CheckCircleOutlined />} onClick={freeze}>定稿</Button>}
            <Button icon={<HistoryOutlined />} onClick={() => setRevisionsOpen(true)}>历史版本</Button>
            <Dropdown menu={{ items: exportItems }}>
              <Button icon={<DownloadOutlined />}>导出</Button>
            </Dropdown>
          </Space>
        </Space>
      </Card>
      {frozen && <Alert type="success" showIcon style={{ marginTop: 12 }} message={`本报告已于 ${report.frozenAt ? new Date(report.frozenAt).toLocaleString('zh-CN') : ''} 定稿，数字已固定，仅供查看和导出。`} />}
      {!frozen && !canWrite && <Alert type="info" showIcon style={{ marginTop: 12 }} message="您可以查看这份报告，但只有本人或管理员可以修改。" />}
      <div className="report-body">
        <Card size="small" title="目录" className="report-outline">
          {doc.sections.map((s, i) => (
            <div key={s.id} className={`report-outline-item level-${s.level}`} onClick={() => jump(s.id)} data-testid="outline-item">
              {s.level === 0 || !s.heading ? '开头' : `${markers[i]}${s.heading}`}
            </div>
          ))}
        </Card>
        <Card className="report-paper">
          <h1 className="report-title">{doc.title}</h1>
          {doc.byline && <div className="report-byline">{doc.byline}</div>}
          {doc.sections.length === 0 && <Empty description="报告没有内容" />}
          {doc.sections.map((s, i) => (
            <section key={`${s.id}-${mount}`} id={sectionDomId(s.id)} className="report-section" data-testid="report-section">
              {s.level > 0 && s.heading && <div className={`report-heading level-${s.level}`}>{markers[i]}{s.heading}</div>}
              <SectionEditor
                paragraphs={s.paragraphs}
                editable={canWrite}
                onChange={(p) => onSectionChange(s.id, p)}
                onChipOpen={onChipOpen}
              />
            </section>
          ))}
        </Card>
      </div>
      <ChipRecordsDrawer reportId={report.id} chip={chip} onClose={() => setChip(null)} />
      <LintDrawer result={lint} loading={linting} sections={doc.sections} onClose={() => setLint(null)} onJump={(sid) => { setLint(null); jump(sid); }} />
      <RevisionsDrawer
        open={revisionsOpen}
        report={report}
        canWrite={canWrite}
        onClose={() => setRevisionsOpen(false)}
        onRestored={(r) => { show(r); setRevisionsOpen(false); void message.success('已恢复'); }}
        onConflict={conflict}
      />
    </div>
  );
}
