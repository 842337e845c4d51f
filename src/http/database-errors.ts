/**
 * The safety net beneath every domain: a PostgreSQL error that a service did not foresee (a
 * unique index, a foreign key, a check, a bad literal, a serialization failure) becomes a domain
 * error with a Chinese `detail` instead of a 500. Services should still check first and say
 * precisely what is wrong; this catches what they miss, including the race between a check and
 * the write. Nothing of the SQL reaches the user; the caller logs the raw error.
 *
 * Rules (SQLSTATE → status):
 * - 23505 unique_violation → 409, with the message of the constraint, else "与已有的…重复".
 * - 23503 foreign_key_violation → 409 when the statement removed (or re-keyed) a row that others
 *   still reference, 422 when it wrote a row referring to one that does not exist. Both drivers
 *   report the *referencing* table and the constraint either way, so the direction is read from
 *   the server's wording: detail "is still referenced" vs "is not present"; and, should the
 *   server speak another language (lc_messages), from the message, which quotes three names
 *   (referenced table, constraint, referencing table) for a delete but two for an insert.
 * - 23001 restrict_violation → 409, as a delete blocked by a reference.
 * - 23514 check_violation, 23502 not_null_violation → 422.
 * - 22P02, 22007, 22008 and the rest of class 22 (data exception) → 422.
 * - 40001 serialization_failure, 40P01 deadlock_detected → 409, asking to retry.
 */
import { Conflict, InvalidInput, type DomainError } from '../core/errors.ts';

/** What both `pg` and PGlite put on an error the server raised. */
export interface DatabaseFailure {
  code: string;
  message: string;
  detail?: string;
  constraint?: string;
  table?: string;
  column?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** The server error inside `error` (or its `cause` chain), or null when it is not one. */
export function databaseFailureOf(error: unknown): DatabaseFailure | null {
  for (
    let e = error, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const { code, message, severity } = e as {
      code?: unknown;
      message?: unknown;
      severity?: unknown;
    };
    // `severity` tells a server error from a Node system error (whose codes, like EPIPE, are 5 letters too).
    if (
      typeof code === 'string' &&
      SQLSTATE.test(code) &&
      typeof message === 'string' &&
      typeof severity === 'string'
    ) {
      const f = e as Record<string, unknown>;
      const text = (k: string) => (typeof f[k] === 'string' && f[k] ? (f[k] as string) : undefined);
      return {
        code,
        message,
        detail: text('detail'),
        constraint: text('constraint'),
        table: text('table'),
        column: text('column'),
      };
    }
  }
  return null;
}

/** The domain error a database failure stands for, or null when it is not one we map (→ 500). */
export function domainErrorOfDatabase(f: DatabaseFailure): DomainError | null {
  switch (f.code) {
    case '23505':
      return new Conflict(
        (f.constraint && UNIQUE_MESSAGES[f.constraint]) ??
          (nounOf(f.table) ? `与已有的${nounOf(f.table)}重复` : '与已有记录重复'),
      );
    case '23503':
      return stillReferenced(f)
        ? new Conflict(referencedMessage(f))
        : new InvalidInput(missingReferenceMessage(f));
    case '23001':
      return new Conflict(referencedMessage(f));
    case '23514':
      return new InvalidInput(
        (f.constraint && CHECK_MESSAGES[f.constraint]) ??
          (nounOf(f.table) ? `${nounOf(f.table)}的数据不符合规则要求` : '数据不符合规则要求'),
      );
    case '23502': {
      const what =
        columnNoun(f.column) ?? (nounOf(f.table) ? `${nounOf(f.table)}的必填内容` : '必填内容');
      return new InvalidInput(`缺少${what}`);
    }
    case '40001':
    case '40P01':
      return new Conflict('与他人同时进行的操作发生冲突，本次操作未保存，请重试');
  }
  if (f.code.startsWith('22'))
    return new InvalidInput(DATA_MESSAGES[f.code] ?? '提交的数据格式或取值不正确');
  return null;
}

/** Both in one step: null unless `error` is a database failure we map. */
export function mapDatabaseError(
  error: unknown,
): { failure: DatabaseFailure; error: DomainError } | null {
  const failure = databaseFailureOf(error);
  const mapped = failure && domainErrorOfDatabase(failure);
  return failure && mapped ? { failure, error: mapped } : null;
}

export function stillReferenced(f: DatabaseFailure): boolean {
  if (f.detail && /is still referenced/i.test(f.detail)) return true;
  if (f.detail && /is not present/i.test(f.detail)) return false;
  return (f.message.match(/"[^"]*"/g) ?? []).length >= 3;
}

function referencedMessage(f: DatabaseFailure): string {
  const by = nounOf(f.table);
  return by
    ? `该记录仍被${by}引用，无法删除；请先处理相关的${by}`
    : '数据已被其他记录引用，无法删除';
}

function missingReferenceMessage(f: DatabaseFailure): string {
  const what = columnNoun(fkColumn(f));
  return what ? `所选的${what}不存在或已被删除` : '引用的数据不存在或已被删除';
}

/** `person_town_id_unit_id_fkey` on `person` → `unit_id`; `appeal_reminder_target_unit_fk` → `target_unit`. */
export function fkColumn(f: DatabaseFailure): string | undefined {
  if (!f.constraint) return undefined;
  let name = f.constraint.replace(/_(fkey|fk)$/, '');
  if (f.table && name.startsWith(`${f.table}_`)) name = name.slice(f.table.length + 1);
  if (name.startsWith('town_id_')) name = name.slice('town_id_'.length);
  return name || undefined;
}

export function columnNoun(column: string | undefined): string | undefined {
  if (!column) return undefined;
  const exact = COLUMN_NOUN[column] ?? COLUMN_NOUN[`${column}_id`];
  if (exact) return exact;
  // Composite keys name every column (`type_code_type_version`): the first one names the thing.
  const prefix = Object.keys(COLUMN_NOUN).find((k) => column.startsWith(`${k}_`));
  if (prefix) return COLUMN_NOUN[prefix];
  return /_by$/.test(column) || column.endsWith('_user_id') ? '操作账号' : undefined;
}

export function nounOf(table: string | undefined): string | undefined {
  return table ? TABLE_NOUN[table] : undefined;
}

/** Every table's Chinese name (a test keeps this complete over the live schema). */
export const TABLE_NOUN: Record<string, string> = {
  town: '乡镇',
  county: '县（市、区）',
  unit: '单位',
  unit_kind: '单位类型',
  unit_portfolio: '单位承担业务',
  person: '人员',
  position: '职务',
  position_portfolio: '职务分管领域',
  portfolio: '分管领域',
  village_liaison: '包联记录',
  app_user: '账号',
  user_role: '账号角色',
  role: '角色',
  session: '登录会话',
  login_name: '登录名',
  public_tracking_code: '查询码目录',
  public_photo_token: '公开照片链接目录',
  open311_key_hash: 'Open311 接入密钥目录',
  login_throttle: '登录限制记录',
  rate_limit: '频率限制记录',
  audit_entry: '审计日志',
  audit_head: '审计日志',
  scheduler_state: '定时任务状态',
  work_calendar_day: '工作日历',
  work_calendar_year: '工作日历',
  county_kpi_weight: '考核权重',
  ledger_type: '台账类型',
  ledger_record: '台账记录',
  ledger_unique: '台账唯一值',
  attachment: '附件',
  appeal: '诉求工单',
  appeal_category: '诉求类别',
  appeal_code_counter: '工单编号',
  appeal_event: '工单办理记录',
  appeal_attachment: '工单附件',
  appeal_reminder: '催办督办记录',
  appeal_problem: '问题清单',
  appeal_problem_order: '问题清单所含工单',
  appeal_problem_exclusion: '问题清单排除的工单',
  appeal_problem_dismissal: '问题排除记录',
  appeal_problem_dismissal_order: '问题排除记录所含工单',
  appeal_commitment: '承诺事项',
  appeal_commitment_order: '承诺事项关联工单',
  appeal_commitment_note: '承诺事项进展',
  appeal_bulletin_issue: '分析通报',
  report: '述职报告',
  report_revision: '述职报告修订记录',
  report_template: '报告模板',
  imported_report: '往年述职报告',
  public_request: '群众提交记录',
  public_rating: '群众评价',
  open311_api_key: 'Open311 接入密钥',
  login_device: '登录设备',
  appraisal_round: '民主测评',
  appraisal_appraisee: '民主测评对象',
  appraisal_group: '民主测评投票人员类别',
  appraisal_token: '民主测评票码',
  appraisal_ballot: '民主测评选票',
  party_member: '党员名册',
  meeting_attendance: '会议出勤记录',
  meeting_requirement: '会议召开频次要求',
  meeting_requirement_default: '会议召开频次默认要求',
  member_candidate: '发展党员对象',
  member_candidate_event: '发展党员程序记录',
  party_metric_row: '党建统计明细',
  branch_rating_scheme: '党支部星级评定指标',
  branch_rating_score: '党支部星级评定得分',
  kysely_migration: '数据库版本记录',
  kysely_migration_lock: '数据库版本锁',
};

/** Columns that refer to other rows (foreign keys) or must be filled, by their Chinese name. */
const COLUMN_NOUN: Record<string, string> = {
  town_id: '乡镇',
  scope_town_id: '管辖乡镇',
  county_id: '县（市、区）',
  unit_id: '单位',
  parent_id: '上级单位',
  village_id: '村（社区）',
  scope_unit_id: '管辖单位',
  owner_unit_id: '责任单位',
  target_unit_id: '提醒对象单位',
  scope_id: '通报范围',
  kind: '单位类型',
  person_id: '人员',
  handler_person_id: '经办人',
  case_leader_person_id: '包案领导',
  owner_person_id: '责任人',
  target_person_id: '提醒对象',
  position_id: '职务',
  portfolio_code: '分管领域',
  user_id: '账号',
  role: '角色',
  appeal_id: '工单',
  merged_into: '合并到的工单',
  attachment_id: '附件',
  category_code: '诉求类别',
  category_root: '诉求类别',
  parent_code: '上级类别',
  problem_id: '问题清单',
  commitment_id: '承诺事项',
  dismissal_id: '问题排除记录',
  template_id: '报告模板',
  report_id: '述职报告',
  record_id: '台账记录',
  type_code: '台账类型',
  api_key_id: 'Open311 接入密钥',
  round_id: '民主测评',
  group_id: '投票人员类别',
  branch_id: '党支部',
  member_id: '党员',
  absence_reason: '缺席原因',
  meeting_type: '会议类型',
  candidate_id: '发展党员对象',
  indicator: '评定指标',
  name: '名称',
  title: '标题',
  username: '用户名',
  code: '编码',
  year: '年度',
  content: '内容',
  filename: '文件名',
};

/** Unique constraints and indexes (migrations `unique`, and primary keys a user can collide with). */
const UNIQUE_MESSAGES: Record<string, string> = {
  town_code_key: '乡镇代码已被使用',
  county_code_key: '县（市、区）代码已被使用',
  unit_code_uq: '单位编码已被本乡镇的其他单位使用',
  app_user_town_id_username_key: '用户名已被使用',
  login_name_pkey: '用户名已被使用（用户名在全系统唯一）',
  unit_portfolio_pkey: '该单位已承担此业务',
  position_portfolio_pkey: '该职务已分管此领域',
  appeal_town_id_code_key: '工单编号生成冲突，本次操作未保存，请重试',
  appeal_code_counter_pkey: '工单编号生成冲突，本次操作未保存，请重试',
  appeal_event_town_id_appeal_id_seq_key: '该工单刚被他人处理，请刷新后重试',
  appeal_attachment_pkey: '该附件已挂在此工单上',
  appeal_reminder_town_id_appeal_id_clock_due_at_kind_key: '该工单的这次催办（督办）已经发出',
  appeal_problem_order_town_id_appeal_id_key: '该工单已归入另一个问题清单',
  appeal_problem_order_pkey: '该工单已在此问题清单中',
  appeal_problem_exclusion_pkey: '该工单已从此问题清单中排除',
  appeal_problem_dismissal_order_pkey: '该工单已在此排除记录中',
  appeal_commitment_order_pkey: '该工单已关联此承诺事项',
  appeal_bulletin_issue_town_id_year_number_key: '本年度该期号的通报已经印发',
  report_town_id_person_id_year_key: '该人员这一年度的述职报告已存在',
  report_revision_town_id_report_id_report_version_key: '述职报告刚被他人保存，请刷新后重试',
  report_template_pkey: '模板编号已被使用',
  ledger_type_pkey: '该台账类型的这一版本已存在',
  ledger_unique_pkey: '与已有台账记录的唯一项重复',
  public_request_pkey: '这份诉求已经提交过了',
  public_request_appeal_uq: '该工单已关联群众提交记录',
  public_rating_pkey: '该诉求已经评价过了',
  public_request_token_uq: '系统生成的凭据恰好重复，本次提交未保存，请重试',
  public_tracking_code_pkey: '系统生成的查询码恰好重复，本次提交未保存，请重试',
  public_photo_token_pkey: '系统生成的公开链接恰好重复，请重试',
  open311_key_hash_pkey: '系统生成的接入密钥恰好重复，请重试',
  work_calendar_day_pkey: '该日期已在工作日历中',
  work_calendar_year_pkey: '该年度的工作日历已存在',
  audit_entry_pkey: '与他人同时进行的操作发生冲突，本次操作未保存，请重试',
};

const CHECK_MESSAGES: Record<string, string> = {
  appeal_resident_rating_check: '群众评分应为 1 到 5 分',
  appeal_attachment_public_token_ck: '附件的公开状态与公开链接不一致',
  appeal_bulletin_issue_check: '通报的截止日期不能早于起始日期',
  appeal_bulletin_issue_scope_kind_check: '通报范围只能是全镇、村（社区）或单位',
  appeal_bulletin_issue_number_check: '通报期号应从 1 开始',
  appeal_commitment_check: '承诺完成日期不能早于作出承诺的日期',
  attachment_filename_check: '文件名应为 1 到 255 个字符',
  attachment_size_check: '附件大小应在 1 字节到 10 MB 之间',
  attachment_content_type_check: '附件只能是 PDF、JPG、PNG、docx 或 xlsx 文件',
  county_kpi_weight_check: '考核权重不能为负数，且合计应大于 0',
  imported_report_filename_check: '文件名应为 1 到 255 个字符',
  imported_report_year_check: '年度应在 1990 到 2100 之间',
  person_gender_check: '性别只能是男或女',
  public_rating_satisfaction_check: '评价只能是满意、基本满意或不满意',
  report_year_check: '述职年度应在 2000 到 2100 之间',
  report_template_id_check:
    '模板编号应以小写字母开头，只含小写字母、数字、下划线和短横线，最长 60 个字符',
  unit_check: '单位不能以自己为上级单位',
  user_role_check: '角色的管辖单位须属于本乡镇',
  village_liaison_check: '包联结束日期不能早于开始日期',
  work_calendar_year_year_check: '工作日历年度应在 2000 到 2100 之间',
};

const DATA_MESSAGES: Record<string, string> = {
  '22P02': '数据格式不正确：编号、数字或其他值的写法有误',
  '22007': '日期或时间的格式不正确',
  '22008': '日期或时间超出有效范围（如 2 月 30 日）',
  '22001': '内容过长，超出了允许的长度',
  '22003': '数值超出允许的范围',
  '22012': '计算中出现除以零',
};
