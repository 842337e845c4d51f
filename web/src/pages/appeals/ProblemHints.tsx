/**
 * 可能与…同类 on the intake form: open problems of the 问题清单 and recent repeats nobody has
 * confirmed yet that the order being typed reads like (the server's /appeals/similar, scoped).
 * One click chooses where the order goes — 归入此问题, or 立为问题 with the repeats — and saving
 * the order links it in the same request (useProblemLink); the choice is shown next to the save
 * button until then.
 */
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { AppealCreate } from '../../api/appeals.ts';
import type { ProblemHint } from './operations.api.ts';

export type ProblemChoice =
  | { kind: 'problem'; problemId: string; title: string }
  | { kind: 'cluster'; title: string; appealIds: string[] };

const problemUrl = (id: string) => `/appeals/problems?id=${id}`;

interface Props {
  hints: ProblemHint[];
  choice?: ProblemChoice | undefined;
  onChoose: (choice: ProblemChoice | undefined) => void;
}

const chosen = (h: ProblemHint, c?: ProblemChoice) =>
  !!c &&
  (c.kind === 'problem'
    ? h.problemId === c.problemId
    : h.kind === 'cluster' && h.orders[0]?.id === c.appealIds[0]);

function HintItem({ h, choice, onChoose }: { h: ProblemHint } & Omit<Props, 'hints'>) {
  const picked = chosen(h, choice);
  const pick = () =>
    onChoose(
      picked
        ? undefined
        : h.kind === 'problem'
          ? { kind: 'problem', problemId: h.problemId!, title: h.title }
          : { kind: 'cluster', title: h.title, appealIds: h.orders.map((o) => o.id) },
    );
  const action = h.kind === 'problem' ? '归入此问题' : '立为问题';
  return (
    <List.Item
      data-testid="problem-hint"
      actions={[
        <Button key="pick" size="small" type={picked ? 'default' : 'primary'} onClick={pick}>
          {picked ? '取消' : action}
        </Button>,
      ]}
    >
      <List.Item.Meta
        title={
          <Space size={4} wrap>
            {h.kind === 'problem' ? (
              <>
                <Tag color="blue">问题清单</Tag>
                <Link to={problemUrl(h.problemId!)} target="_blank">
                  {h.title}
                </Link>
                <Tag>{h.statusLabel}</Tag>
              </>
            ) : (
              <>
                <Tag color="orange">近期重复，尚未立为问题</Tag>
                <span>{h.title}</span>
              </>
            )}
            {picked && <Tag color="green">保存时{action.replace('此', '该')}</Tag>}
          </Space>
        }
        description={
          <Space direction="vertical" size={2}>
            <span>
              共 {h.orderCount} 件工单，与其中 {h.matched} 件内容相近
              {h.words.length > 0 && `；共同的词：${h.words.join('、')}`}
            </span>
            <Space size={6} wrap>
              {h.orders.slice(0, 5).map((o) => (
                <Link key={o.id} to={`/appeals/orders/${o.id}`} target="_blank" title={o.title}>
                  {o.code}
                </Link>
              ))}
            </Space>
          </Space>
        }
      />
    </List.Item>
  );
}

export function ProblemHints({ hints, choice, onChoose }: Props) {
  if (!hints.length) return null;
  return (
    <Card title="可能与以下问题同类" data-testid="problem-hints" style={{ marginBottom: 16 }}>
      <List
        dataSource={hints}
        rowKey={(h) => h.problemId ?? h.orders[0]!.id}
        renderItem={(h) => <HintItem h={h} choice={choice} onChoose={onChoose} />}
      />
    </Card>
  );
}

/** The choice, shown by the save button. */
export function ChoiceNote({ choice, onClear }: { choice?: ProblemChoice; onClear: () => void }) {
  if (!choice) return null;
  const what = choice.kind === 'problem' ? '归入问题' : '与近期重复的工单一起立为问题';
  return (
    <Typography.Text data-testid="problem-choice">
      保存后{what}「{choice.title}」
      <Button type="link" size="small" onClick={onClear}>
        不归入
      </Button>
    </Typography.Text>
  );
}

/**
 * What the intake form needs: the choice, sent with the new order (the server links it in the
 * order's own transaction, so a refused link saves no order), and the problem it went into.
 */
export function useProblemLink() {
  const [choice, setChoice] = useState<ProblemChoice>();
  const [linked, setLinked] = useState<{ id: string; title: string }>();
  const problem: AppealCreate['problem'] =
    choice?.kind === 'problem'
      ? { kind: 'problem', problemId: choice.problemId }
      : choice && { kind: 'cluster', title: choice.title, appealIds: choice.appealIds };
  /** After the save: the problem the order now belongs to, if any. */
  const saved = (p?: { id: string; title: string }) => {
    setLinked(p ? { id: p.id, title: p.title } : undefined);
    setChoice(undefined);
  };
  return { choice, setChoice, linked, setLinked, problem, saved };
}

export function LinkedNote({ linked }: { linked?: { id: string; title: string } | undefined }) {
  if (!linked) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      message={
        <span data-testid="linked-problem">
          已归入问题清单：<Link to={problemUrl(linked.id)}>{linked.title}</Link>
        </span>
      }
    />
  );
}
