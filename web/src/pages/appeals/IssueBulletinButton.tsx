/**
 * 签发: confirm issuing a bulletin and who signs it — the issuing body (发文机关, printed in the 版头
 * and the 落款) and its 机关代字 for the 发文字号 "代字〔年份〕序号号". Defaults: the town government
 * and "<town>政通"; the server checks both.
 */
import { Button, Form, Input, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import type { RequestBody } from '../../api/client.ts';
import { currentYear } from '../../lib/time.ts';

/** Who signs: the fields of the 签发 request that name the issuing body and its 机关代字. */
export type IssueAs = Required<
  Pick<RequestBody<'/api/v1/towns/{townId}/appeal-bulletin/issues', 'post'>, 'issuer' | 'docCode'>
>;

/** "青石镇" → "青石政通", as the server derives it when none is given. */
export const defaultDocCode = (townName: string) =>
  `${townName.replace(/(街道办事处|街道|镇|乡|苏木)$/u, '') || townName}政通`;

export function IssueBulletinButton(props: {
  townName: string;
  onIssue: (as: IssueAs) => Promise<void> | void;
}) {
  const [issuer, setIssuer] = useState(`${props.townName}人民政府`);
  const [docCode, setDocCode] = useState(defaultDocCode(props.townName));
  const year = currentYear();
  return (
    <Popconfirm
      title="签发后本期通报的数字按当前数据固定，不再随工单变化。确定签发？"
      description={
        <Form layout="vertical" size="small" style={{ width: 300, marginTop: 8 }}>
          <Form.Item label="发文机关（版头和落款）" style={{ marginBottom: 8 }}>
            <Input
              value={issuer}
              maxLength={30}
              onChange={(e) => setIssuer(e.target.value)}
              data-testid="bulletin-issuer"
            />
          </Form.Item>
          <Form.Item label="机关代字" style={{ marginBottom: 4 }}>
            <Input
              value={docCode}
              maxLength={12}
              onChange={(e) => setDocCode(e.target.value)}
              data-testid="bulletin-doc-code"
            />
          </Form.Item>
          <Typography.Text type="secondary">
            发文字号：{docCode}〔{year}〕N号（N 为本年第几期）
          </Typography.Text>
        </Form>
      }
      okText="签发"
      onConfirm={() => props.onIssue({ issuer: issuer.trim(), docCode: docCode.trim() })}
    >
      <Button type="primary" data-testid="bulletin-issue">
        签发
      </Button>
    </Popconfirm>
  );
}
