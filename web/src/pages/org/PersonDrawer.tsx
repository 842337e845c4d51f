/** Create or edit one person; field errors from the server land next to their inputs. */
import { Form, Tag } from 'antd';
import { orgApi, type Person } from '../../api/org.ts';
import { useFormSave } from '../../api/useFormSave.ts';
import { FormDrawer } from '../../layout/FormDrawer.tsx';
import { useSession } from '../../session/session.tsx';
import { PersonFields } from './PersonFields.tsx';
import { initialPersonValues, personInput, type PersonValues } from './personValues.ts';

interface Props {
  person: Person | null;
  unitOptions: { value: string; label: string }[];
  onClose: () => void;
  onSaved: (p: Person) => void;
  onConflict: () => void;
}

export function PersonDrawer({ person, unitOptions, onClose, onSaved, onConflict }: Props) {
  const { townId } = useSession();
  const [form] = Form.useForm<PersonValues>();
  const { busy, save } = useFormSave(form, () => {
    onConflict();
    onClose();
  });
  const submit = () =>
    save(async (v) => {
      const input = personInput(v);
      const saved = person
        ? await orgApi.updatePerson(townId, person.id, { ...input, version: person.version })
        : await orgApi.createPerson(townId, input);
      onSaved(saved);
      return person ? '已保存' : `已新增人员「${saved.name}」`;
    });

  return (
    <FormDrawer
      title={person ? `编辑人员：${person.name}` : '新增人员'}
      size={480}
      busy={busy}
      onClose={onClose}
      onSave={submit}
      saveTestId="person-save"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initialPersonValues(person)}
        data-testid="person-form"
      >
        <PersonFields unitOptions={unitOptions} />
        {person && person.titles.length > 0 && (
          <Form.Item label="现任职务" tooltip="在「任职」中维护">
            {person.titles.map((t) => (
              <Tag key={t}>{t}</Tag>
            ))}
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
