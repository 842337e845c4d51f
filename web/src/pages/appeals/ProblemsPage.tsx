/**
 * 问题清单: recurring problems (clusters of similar appeals) with owner, 整改措施, status and due
 * date; each row's order count is the count of its linked orders, listed in the detail drawer.
 * The second tab runs detection over a period and confirms (or dismisses) proposals; the third
 * lists dismissed proposals and undoes a dismissal.
 */
import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { DismissedList } from './DismissedList.tsx';
import { ProblemDrawer } from './ProblemDrawer.tsx';
import { ProblemListTab, useProblemList } from './ProblemList.tsx';
import { ProposalsPanel } from './ProposalsPanel.tsx';
import { useAppealRefs } from './refs.ts';

export default function ProblemsPage() {
  const refs = useAppealRefs();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'list';
  const openId = params.get('id');
  const { filters, list } = useProblemList();
  const set = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next))
      if (v === null) p.delete(k);
      else p.set(k, v);
    setParams(p);
  };

  const listTab = (
    <ProblemListTab filters={filters} list={list} refs={refs} onOpen={(id) => set({ id })} />
  );

  return (
    <Card title="问题清单" data-testid="problems-page">
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k })}
        items={[
          { key: 'list', label: '问题清单', children: listTab },
          {
            key: 'detect',
            label: '重复诉求识别',
            children: (
              <ProposalsPanel
                onConfirmed={(id) => {
                  list.reload();
                  set({ tab: 'list', id });
                }}
              />
            ),
          },
          { key: 'dismissed', label: '已忽略', children: <DismissedList />, destroyOnHidden: true },
        ]}
      />
      <ProblemDrawer id={openId} onClose={() => set({ id: null })} onChanged={list.reload} />
    </Card>
  );
}
