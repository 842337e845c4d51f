/**
 * Human-readable description of a workflow kind for the UI and the docs: states, actions with
 * who may take them and what they ask for, and each deadline clock's rule written out in Chinese.
 */
import { describeRule } from '../calendar/deadline.ts';
import { roleLabel } from './roles.ts';
import type { FieldType, PersonRule } from './fields.ts';
import type { ClockDefinition, KindDefinition } from './schema.ts';

export interface ActionDescription {
  id: string;
  label: string;
  from: string[];
  to: string;
  roles: string[];
  fields: {
    name: string;
    label: string;
    type: FieldType;
    required: boolean;
    options?: string[];
    who?: PersonRule;
  }[];
}

export interface KindDescription {
  kind: string;
  label: string;
  description: string;
  states: { id: string; label: string; terminal: boolean; initial: boolean }[];
  actions: ActionDescription[];
  clocks: { id: string; label: string; text: string }[];
  settings: Record<string, number>;
}

function actionLabel(kind: KindDefinition, id: string): string {
  if (id === kind.initial.id) return kind.initial.label;
  return kind.transitions.find((t) => t.id === id)?.label ?? id;
}

/** E.g. "签收时限：自「派单」起24小时（紧急：2小时），至「签收」止". */
export function describeClock(kind: KindDefinition, clock: ClockDefinition): string {
  const quote = (ids: string[]) => ids.map((id) => `「${actionLabel(kind, id)}」`).join('或');
  const overrides = [
    ...Object.entries(clock.byUrgency).map(
      ([u, r]) => `${kind.urgencies.find((x) => x.id === u)?.label ?? u}：${describeRule(r)}`,
    ),
    ...Object.entries(clock.byCategory).map(([c, r]) => `类别${c}：${describeRule(r)}`),
  ];
  const extra = overrides.length > 0 ? `（${overrides.join('；')}）` : '';
  return `${clock.label}：自${quote(clock.startOn)}起${describeRule(clock.rule)}${extra}，至${quote(clock.stopOn)}止`;
}

export function describeKind(kind: KindDefinition): KindDescription {
  const stateName = (id: string) => kind.states.find((s) => s.id === id)?.label ?? id;
  const init = kind.initial;
  const fieldsOf = (fields: KindDefinition['initial']['fields']) =>
    fields.map((f) => ({
      name: f.name,
      label: f.label,
      type: f.type,
      required: f.required,
      ...(f.options ? { options: f.options } : {}),
      ...(f.who ? { who: f.who } : {}),
    }));
  return {
    kind: kind.kind,
    label: kind.label,
    description: kind.description,
    states: kind.states.map((s) => ({
      id: s.id,
      label: s.label,
      terminal: s.terminal,
      initial: s.id === init.state,
    })),
    actions: [
      {
        id: init.id,
        label: init.label,
        from: [],
        to: stateName(init.state),
        roles: init.roles.map(roleLabel),
        fields: fieldsOf(init.fields),
      },
      ...kind.transitions.map((t) => ({
        id: t.id,
        label: t.label,
        from: t.from.map(stateName),
        to: t.to ? stateName(t.to) : '（状态不变）',
        roles: t.roles.map(roleLabel),
        fields: fieldsOf(t.fields),
      })),
    ],
    clocks: kind.clocks.map((c) => ({ id: c.id, label: c.label, text: describeClock(kind, c) })),
    settings: kind.settings,
  };
}

/** A Markdown table of the kind's actions, for docs/. */
export function kindToMarkdown(kind: KindDefinition): string {
  const d = describeKind(kind);
  const rows = d.actions.map(
    (a) =>
      `| ${a.label} | ${a.from.join('、') || '—'} | ${a.to} | ${a.roles.join('、')} | ` +
      `${a.fields.map((f) => f.label + (f.required ? '' : '（选填）')).join('、') || '—'} |`,
  );
  return [
    `## ${d.label}（${d.kind}）`,
    '',
    d.description,
    '',
    '| 操作 | 从状态 | 到状态 | 角色 | 填写 |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    ...d.clocks.map((c) => `- ${c.text}`),
    '',
  ].join('\n');
}
