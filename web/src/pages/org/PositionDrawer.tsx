/** Create or edit one position: person, unit, title, portfolios held, dates, 班子成员 flag. */
import { Form } from 'antd';
import { orgApi, type Person, type Portfolio, type Position } from '../../api/org.ts';
import { useFormSave } from '../../api/useFormSave.ts';
import { FormDrawer } from '../../layout/FormDrawer.tsx';
import { useSession } from '../../session/session.tsx';
import { PositionFields } from './PositionFields.tsx';
import { initialPositionValues, positionInput, type PositionValues } from './positionValues.ts';

interface Props {
  position: Position | null;
  unitOptions: { value: string; label: string }[];
  people: Person[];
  portfolios: Portfolio[];
  onClose: () => void;
  onSaved: (p: Position) => void;
  onConflict: () => void;
}

export function PositionDrawer({ position, onClose, onSaved, onConflict, ...lists }: Props) {
  const { townId } = useSession();
  const [form] = Form.useForm<PositionValues>();
  const { busy, save } = useFormSave(form, () => {
    onConflict();
    onClose();
  });
  const submit = () =>
    save(async (v) => {
      const input = positionInput(v);
      const saved = position
        ? await orgApi.updatePosition(townId, position.id, { ...input, version: position.version })
        : await orgApi.createPosition(townId, input);
      onSaved(saved);
      return position ? '已保存' : '已新增任职';
    });

  return (
    <FormDrawer
      title={position ? `编辑任职：${position.personName}` : '新增任职'}
      size={520}
      busy={busy}
      onClose={onClose}
      onSave={submit}
    >
      <Form form={form} layout="vertical" initialValues={initialPositionValues(position)}>
        <PositionFields {...lists} />
      </Form>
    </FormDrawer>
  );
}
