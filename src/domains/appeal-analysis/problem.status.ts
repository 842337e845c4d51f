/**
 * 问题清单 status as a typed table (the compiler forces every status to be listed): 待认领 → 整改中
 * (an owner and a 整改措施 are required) → 已整改 (the result is recorded) → 已销号 (checked and
 * closed); a check that fails sends 已整改 back to 整改中. 已销号 is terminal.
 */
export const PROBLEM_STATUSES = ['unclaimed', 'rectifying', 'rectified', 'closed'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export const PROBLEM_STATUS: { [S in ProblemStatus]: { label: string; to: ProblemStatus[] } } = {
  unclaimed: { label: '待认领', to: ['rectifying', 'closed'] },
  rectifying: { label: '整改中', to: ['rectified'] },
  rectified: { label: '已整改', to: ['closed', 'rectifying'] },
  closed: { label: '已销号', to: [] },
};

export interface ProblemFacts {
  hasOwner: boolean;
  plan: string | null;
  result: string | null;
  note: string | null;
}

/** Why the move is refused (Chinese, for the user), or null when it is allowed. */
export function problemMoveRefusal(
  from: ProblemStatus,
  to: ProblemStatus,
  f: ProblemFacts,
): string | null {
  if (!PROBLEM_STATUS[from].to.includes(to))
    return `问题当前为「${PROBLEM_STATUS[from].label}」，不能改为「${PROBLEM_STATUS[to].label}」`;
  if (to === 'rectifying' && !f.hasOwner) return '认领整改前须明确责任单位或责任人';
  if (to === 'rectifying' && !f.plan?.trim()) return '认领整改前须填写整改措施';
  if (to === 'rectified' && !f.result?.trim()) return '标记已整改须填写整改结果';
  // Closing a problem nobody took on (e.g. not a real recurring problem) needs a reason on record.
  if (to === 'closed' && from === 'unclaimed' && !f.note?.trim()) return '直接销号须说明理由';
  return null;
}

export const COMMITMENT_STATUSES = ['pending', 'in_progress', 'fulfilled', 'cancelled'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** 承诺事项 status: 待兑现 → 推进中 → 已兑现 (evidence required); 已撤销 with a reason. */
export const COMMITMENT_STATUS: {
  [S in CommitmentStatus]: { label: string; to: CommitmentStatus[] };
} = {
  pending: { label: '待兑现', to: ['in_progress', 'fulfilled', 'cancelled'] },
  in_progress: { label: '推进中', to: ['fulfilled', 'cancelled'] },
  fulfilled: { label: '已兑现', to: [] },
  cancelled: { label: '已撤销', to: [] },
};

export function commitmentMoveRefusal(
  from: CommitmentStatus,
  to: CommitmentStatus,
  f: { evidence: string | null; note: string | null },
): string | null {
  if (from === to) return null;
  if (!COMMITMENT_STATUS[from].to.includes(to))
    return `承诺当前为「${COMMITMENT_STATUS[from].label}」，不能改为「${COMMITMENT_STATUS[to].label}」`;
  if (to === 'fulfilled' && !f.evidence?.trim()) return '标记已兑现须填写兑现佐证';
  if (to === 'cancelled' && !f.note?.trim()) return '撤销承诺须说明理由';
  return null;
}

/** Open = still owed to residents; overdue when past its due date. */
export const OPEN_COMMITMENT: CommitmentStatus[] = ['pending', 'in_progress'];
export const OPEN_PROBLEM: ProblemStatus[] = ['unclaimed', 'rectifying', 'rectified'];
