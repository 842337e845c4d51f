/**
 * Showing server errors to a person: the Chinese `detail` in a toast, field errors next to the
 * inputs, and a reload after a 409 so they edit the latest version instead of retrying blindly.
 */
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from './client.ts';

/** Maps `errors[].path` ("roles.0.unitId") to antd NamePath (['roles', 0, 'unitId']). */
function toNamePath(path: string): (string | number)[] {
  return path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export function applyFieldErrors(form: FormInstance, err: ApiError): boolean {
  const errors = err.problem.errors ?? [];
  if (errors.length === 0) return false;
  form.setFields(errors.map((e) => ({ name: toNamePath(e.path), errors: [e.message] })));
  return true;
}

export interface ErrorOptions {
  form?: FormInstance;
  /** Called after a 409 (someone else saved first) to fetch the current version. */
  onConflict?: () => void;
}

/** Returns a handler for a failed call; unknown (non-API) errors still get a generic message. */
export function useApiErrorHandler() {
  const { message } = App.useApp();
  return useCallback(
    (err: unknown, options: ErrorOptions = {}) => {
      if (err instanceof ApiError) {
        if (err.status === 401) return; // the session layer already sent the user to login
        if (options.form) applyFieldErrors(options.form, err);
        void message.error(err.problem.detail);
        if (err.status === 409) options.onConflict?.();
        return;
      }
      if ((err as Error)?.name === 'AbortError') return;
      console.error(err);
      void message.error('操作失败，请稍后重试');
    },
    [message],
  );
}
