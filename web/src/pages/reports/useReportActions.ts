/**
 * The editor's report-wide actions: 保存 with the version the author started from (409 → the
 * caller's conflict handler reloads), 检查 of the saved text, and 定稿 after a confirmation.
 */
import { useState } from 'react';
import { App } from 'antd';
import { ApiError } from '../../api/client.ts';
import {
  reportsApi,
  type LintResult,
  type Report,
  type ReportDocument,
} from '../../api/reports.ts';
import { useApiErrorHandler } from '../../api/errors.ts';

interface Args {
  townId: string;
  report: Report | null;
  doc: ReportDocument | null;
  dirty: boolean;
  show: (r: Report) => void;
  conflict: () => void;
}

export function useReportActions({ townId, report, doc, dirty, show, conflict }: Args) {
  const { message, modal } = App.useApp();
  const onError = useApiErrorHandler();
  const [saving, setSaving] = useState(false);
  const [lint, setLint] = useState<LintResult | null>(null);
  const [linting, setLinting] = useState(false);

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
      content: dirty
        ? '还有未保存的修改，定稿将以已保存的内容为准。报告中的数字将取当前值后固定，不再随台账变化。确定定稿？'
        : '报告中的数字将取当前值后固定，不再随台账变化。确定定稿？',
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

  return { save, saving, runLint, linting, lint, closeLint: () => setLint(null), freeze };
}

export type ReportActions = ReturnType<typeof useReportActions>;
