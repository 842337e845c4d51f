/**
 * 导入往年述职报告: a past report (.docx/.txt) uploaded for a person (admins pick; others import
 * their own) and a year; the server parses it and answers with its outline.
 */
import { useState } from 'react';
import { Card, Form, Select, Spin, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { usePeopleOptions } from '../org/useOrgData.ts';
import { reportAdminApi, type ImportedReport } from './reportAdminApi.ts';

const YEARS = [2025, 2024, 2023, 2022, 2021];

export function ImportUploadCard({ onDone }: { onDone: (r: ImportedReport) => void }) {
  const { townId, user, isAdmin } = useSession();
  const onError = useApiErrorHandler();
  const people = usePeopleOptions();
  const [form] = Form.useForm<{ personId?: string; year: number }>();
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    const v = form.getFieldsValue();
    setBusy(true);
    try {
      onDone(
        await reportAdminApi.uploadImport(townId, file, {
          personId: v.personId ?? user?.personId ?? '',
          year: String(v.year ?? ''),
        }),
      );
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="导入往年述职报告">
      <Form
        form={form}
        layout="inline"
        initialValues={{ year: 2024, personId: user?.personId ?? undefined }}
        style={{ marginBottom: 16 }}
      >
        {isAdmin && (
          <Form.Item name="personId" label="人员">
            <Select
              style={{ width: 200 }}
              showSearch={{ optionFilterProp: 'label' }}
              allowClear
              placeholder="选择人员"
              loading={people.loading}
              options={(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
        )}
        <Form.Item name="year" label="报告年度">
          <Select
            style={{ width: 120 }}
            options={YEARS.map((y) => ({ value: y, label: `${y} 年度` }))}
          />
        </Form.Item>
      </Form>
      <Spin spinning={busy} tip="正在解析…">
        <Upload.Dragger
          accept=".docx,.txt"
          showUploadList={false}
          multiple={false}
          data-testid="import-upload"
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或拖入往年的述职报告</p>
          <p className="ant-upload-hint">
            支持 .docx 和 .txt，不超过 10 MB。系统将识别标题层级、文中数字和未填写的占位符（如
            **、XX、×、某某）。
          </p>
        </Upload.Dragger>
      </Spin>
    </Card>
  );
}
