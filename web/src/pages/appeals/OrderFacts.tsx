/** The facts of an order on 工单详情: kind, channel, category, units, times, contact, content. */
import { Descriptions } from 'antd';
import { CHANNELS, URGENCIES, type AppealDetail } from '../../api/appeals.ts';
import { ContactReveal } from './ContactReveal.tsx';
import { DueTag, formatTime } from './DueTag.tsx';
import type { AppealRefs } from './refs.ts';

export function OrderFacts({ order, refs }: { order: AppealDetail; refs: AppealRefs }) {
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
      <Descriptions.Item label="工单类型">{order.kindLabel}</Descriptions.Item>
      <Descriptions.Item label="来源渠道">
        {CHANNELS[order.channel] ?? order.channel}
      </Descriptions.Item>
      <Descriptions.Item label="紧急程度">
        {URGENCIES.find((u) => u.value === order.urgency)?.label ?? order.urgency ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label="诉求类别">
        {refs.categoryName(order.categoryCode)}
      </Descriptions.Item>
      <Descriptions.Item label="村（社区）">{refs.unitName(order.villageId)}</Descriptions.Item>
      <Descriptions.Item label="承办单位">
        {refs.unitName(order.unitId)}
        {order.coHandlerUnitIds.length > 0 &&
          `（协办：${order.coHandlerUnitIds.map(refs.unitName).join('、')}）`}
      </Descriptions.Item>
      <Descriptions.Item label="受理时间">{formatTime(order.receivedAt)}</Descriptions.Item>
      <Descriptions.Item label="当前期限">
        <DueTag dueAt={order.nextDueAt} overdue={order.overdue} />
      </Descriptions.Item>
      <Descriptions.Item label="联系人">
        <ContactReveal key={order.version} order={order} />
      </Descriptions.Item>
      {order.caseLeaderPersonId && (
        <Descriptions.Item label="包案领导">
          {order.people[order.caseLeaderPersonId] ?? '—'}
        </Descriptions.Item>
      )}
      {order.address && <Descriptions.Item label="地址">{order.address}</Descriptions.Item>}
      {order.satisfaction && (
        <Descriptions.Item label="回访满意度">{order.satisfaction}</Descriptions.Item>
      )}
      {order.residentSatisfaction && (
        <Descriptions.Item label="群众评价">{order.residentSatisfaction}</Descriptions.Item>
      )}
      {order.residentComment && (
        <Descriptions.Item label="群众意见">{order.residentComment}</Descriptions.Item>
      )}
      <Descriptions.Item label="诉求内容" span={3}>
        <div style={{ whiteSpace: 'pre-wrap' }}>{order.content}</div>
      </Descriptions.Item>
    </Descriptions>
  );
}
