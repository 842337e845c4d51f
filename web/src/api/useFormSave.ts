/**
 * Saving a form: validate, call the server with the values, toast the Chinese success message,
 * and on failure put the server's field errors on the inputs (409: `onConflict`, e.g. reload).
 */
import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import { useApiErrorHandler } from './errors.ts';

/** antd's rejection when a rule fails: the messages are already on the inputs. */
const isValidationError = (err: unknown) =>
  typeof err === 'object' && err !== null && 'errorFields' in err;

export function useFormSave<V>(form: FormInstance<V>, onConflict?: () => void) {
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [busy, setBusy] = useState(false);
  /** `run` answers the success toast (or nothing for none). */
  const save = async (run: (values: V) => Promise<string | void>) => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch (err) {
      if (isValidationError(err)) return;
      throw err;
    }
    setBusy(true);
    try {
      const done = await run(values);
      if (done) void message.success(done);
    } catch (err) {
      onError(err, { form, onConflict });
    } finally {
      setBusy(false);
    }
  };
  return { busy, save };
}
