/**
 * What the fields of an order (工单) are called wherever a list of orders is shown: the pages'
 * tables and drawers (a report figure's records, a KPI's orders) and the Excel exports. One
 * declaration, shared by the server and the web UI; a field without a name here is not shown.
 */
export const ORDER_FIELD_LABELS = {
  code: '编号',
  kind: '工单类型',
  state: '状态',
  title: '标题',
  categoryCode: '类别',
  villageId: '村（社区）',
  unitId: '承办单位',
  receivedOn: '受理日期',
  receivedAt: '受理时间',
  nextDueAt: '办理期限',
  closedAt: '办结时间',
  satisfaction: '满意度',
  /** Whether the order counts towards the figure's numerator (e.g. responded in time). */
  inNumerator: '符合条件',
  contactName: '联系人',
  contactPhone: '联系电话',
} as const;
export type OrderField = keyof typeof ORDER_FIELD_LABELS;

export const isOrderField = (key: string): key is OrderField => key in ORDER_FIELD_LABELS;
