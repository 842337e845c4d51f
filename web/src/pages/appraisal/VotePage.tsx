/**
 * 民主测评投票 (no login, phone first): the QR code opens /vote#<token>. The token is read from the
 * fragment (never sent in a URL: no server or proxy log has it) and wiped from the address bar at
 * once, so the page can be shown or photographed without it. The voter rates each person; the same
 * check the server runs (core/appraisal/ballot.ts) tells them about a missing rating or too many
 * 优秀 before anything is sent, and a confirmation precedes the one-time submit.
 */
import { Alert, App, Button, Card, ConfigProvider, Radio, Result, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { checkBallot, type BallotMark } from '../../../../src/core/appraisal/ballot.ts';
import { ApiError } from '../../api/client.ts';
import { ballotApi, type BallotForm } from '../../api/appraisal.ts';
import './appraisal.css';

type Marks = Record<string, BallotMark>;
type Stage =
  | { kind: 'loading' }
  | { kind: 'form'; form: BallotForm }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; title: string; detail: string };

/**
 * Reads the token without side effects: React may run a state initializer more than once (a
 * render it discards, e.g. while a lazy chunk suspends), so wiping the address bar here lost the
 * token on the second run. The wipe happens after the first commit (below).
 */
function readToken(): string {
  return location.hash.replace(/^#/, '');
}

function failure(err: unknown): Stage {
  if (err instanceof ApiError && err.status === 409)
    return { kind: 'failed', title: '已经投过票了', detail: err.problem.detail };
  if (err instanceof ApiError && err.status === 404)
    return { kind: 'failed', title: '二维码无效', detail: err.problem.detail };
  return {
    kind: 'failed',
    title: '暂时无法投票',
    detail: err instanceof ApiError ? err.problem.detail : '网络不太稳定，请稍后重新扫码',
  };
}

function PersonCard({
  form,
  index,
  mark,
  onChange,
}: {
  form: BallotForm;
  index: number;
  mark: BallotMark | undefined;
  onChange: (m: BallotMark) => void;
}) {
  const person = form.people[index]!;
  const options = form.grades.map((g) => ({ value: g.value, label: g.label }));
  const base = mark ?? { personId: person.personId, grade: '' };
  return (
    <Card size="small" className="vote-person" data-person={person.name}>
      <div className="vote-person-name">
        {index + 1}. {person.name}
      </div>
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        options={options}
        value={mark?.grade}
        onChange={(e) => onChange({ ...base, grade: e.target.value as string })}
        aria-label={`${person.name}的评价等次`}
      />
      {form.items.map((item) => (
        <div className="vote-item" key={item.value}>
          <span className="vote-item-label">{item.label}</span>
          <Radio.Group
            size="small"
            options={options}
            value={mark?.items?.[item.value as 'virtue']}
            onChange={(e) =>
              onChange({
                ...base,
                items: { ...base.items, [item.value]: e.target.value as string },
              })
            }
          />
        </div>
      ))}
    </Card>
  );
}

function useSubmit(
  token: string,
  list: BallotMark[],
  issues: { message: string }[],
  setProblem: (p: string | null) => void,
  onDone: (s: Stage) => void,
) {
  const { modal } = App.useApp();
  const [sending, setSending] = useState(false);
  const submit = () => {
    if (issues.length) {
      setProblem(issues[0]!.message);
      return;
    }
    modal.confirm({
      title: '确认提交',
      content: '提交后不能修改，每个二维码只能投一次。确定提交吗？',
      okText: '提交',
      cancelText: '再看看',
      onOk: async () => {
        setSending(true);
        try {
          const r = await ballotApi.cast({ token, marks: list });
          onDone({ kind: 'done', message: r.message });
        } catch (err) {
          if (err instanceof ApiError && err.status === 422) setProblem(err.problem.detail);
          else onDone(failure(err));
        } finally {
          setSending(false);
        }
      },
    });
  };

  return { submit, sending };
}

function BallotSheet({
  token,
  form,
  onDone,
}: {
  token: string;
  form: BallotForm;
  onDone: (s: Stage) => void;
}) {
  const [marks, setMarks] = useState<Marks>({});
  const [problem, setProblem] = useState<string | null>(null);
  const list = form.people.flatMap((p) => (marks[p.personId] ? [marks[p.personId]!] : []));
  const round = useMemo(
    () => ({
      scale: form.scale,
      withItems: form.items.length > 0,
      capPercent: form.capPercent,
      people: form.people,
    }),
    [form],
  );
  const top = form.grades[0]!;
  const tops = list.filter((m) => m.grade === top.value).length;
  const issues = checkBallot(round, list);
  const overCap = issues[0]?.path === 'marks' ? issues[0].message : null;

  const { submit, sending } = useSubmit(token, list, issues, setProblem, onDone);

  return (
    <>
      <Alert
        type="info"
        showIcon
        message={`本次测评不记名。请为每位测评对象选择一个等次；“${top.label}”最多评${form.cap}人。`}
      />
      {form.people.map((p, i) => (
        <PersonCard
          key={p.personId}
          form={form}
          index={i}
          mark={marks[p.personId]}
          onChange={(m) => {
            setMarks((prev) => ({ ...prev, [p.personId]: m }));
            setProblem(null);
          }}
        />
      ))}
      <div className="vote-footer">
        {(overCap ?? problem) && <Alert type="error" showIcon message={overCap ?? problem} />}
        <div className="vote-footer-row">
          <span>
            已评 {list.length}/{form.people.length} 人 · {top.label} {tops}/{form.cap}
          </span>
          <Button type="primary" size="large" loading={sending} onClick={submit}>
            提交
          </Button>
        </div>
      </div>
    </>
  );
}

export default function VotePage() {
  const [token] = useState(readToken);
  const [stage, setStage] = useState<Stage>(
    token
      ? { kind: 'loading' }
      : { kind: 'failed', title: '请扫码投票', detail: '请用手机扫描测评票上的二维码打开本页' },
  );
  useEffect(() => {
    if (!token) return;
    if (location.hash) history.replaceState(null, '', location.pathname);
    ballotApi.form(token).then(
      (form) => setStage({ kind: 'form', form }),
      (err) => setStage(failure(err)),
    );
  }, [token]);

  return (
    <ConfigProvider theme={{ token: { fontSize: 16 } }}>
      <App>
        <div className="vote-page">
          <header className="vote-header">
            <div className="vote-title">
              {stage.kind === 'form' ? stage.form.title : '民主测评'}
            </div>
            <div className="vote-subtitle">不记名投票</div>
          </header>
          <main className="vote-main">
            {stage.kind === 'loading' && <Spin size="large" />}
            {stage.kind === 'form' && (
              <BallotSheet token={token} form={stage.form} onDone={setStage} />
            )}
            {stage.kind === 'done' && (
              <Result status="success" title={stage.message} subTitle="您可以关闭本页" />
            )}
            {stage.kind === 'failed' && (
              <Result
                status="warning"
                title={stage.title}
                subTitle={<Typography.Text>{stage.detail}</Typography.Text>}
              />
            )}
          </main>
        </div>
      </App>
    </ConfigProvider>
  );
}
