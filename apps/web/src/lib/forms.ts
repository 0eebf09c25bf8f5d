/**
 * Puts an API error onto an antd form: a 400 VALIDATION_FAILED's `details.fields`
 * land on the fields whose name is the longest prefix of the error path; codes that
 * concern one field (USERNAME_TAKEN → username) land there too. What matches no
 * field is returned, for an alert above the form.
 */
import type { FormInstance } from 'antd';
import { ApiError } from './api';

type NamePath = (string | number)[];
export type FormProblem = { error: unknown; unmatched: string[] };

function toPath(raw: string): NamePath {
  const parts = raw.split(/[./\[\]]+/).filter(Boolean);
  if (parts[0] === 'body') parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function registered(form: FormInstance): NamePath[] {
  return form.getFieldsError().map((f) => f.name as NamePath);
}

function longestPrefix(path: NamePath, names: NamePath[]): NamePath | undefined {
  let best: NamePath | undefined;
  for (const n of names) {
    if (n.length <= path.length && n.every((s, i) => String(s) === String(path[i])) && (!best || n.length > best.length)) best = n;
  }
  return best;
}

/** Sets field errors by path; returns the messages no field took. */
export function setFieldErrors(form: FormInstance, errors: { path: string; message: string }[], prefix: NamePath = []): string[] {
  const names = registered(form);
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const unmatched: string[] = [];
  for (const e of errors) {
    const name = longestPrefix([...prefix, ...toPath(e.path)], names);
    if (!name) {
      unmatched.push(e.path ? `${e.path}: ${e.message}` : e.message);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(e.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return unmatched;
}

export function applyApiError(form: FormInstance, error: unknown, codeFields: Record<string, string | NamePath> = {}): FormProblem {
  if (!(error instanceof ApiError)) return { error, unmatched: [] };
  const fields = (error.details as { fields?: { path: string; message: string }[] } | undefined)?.fields;
  if (error.code === 'VALIDATION_FAILED' && Array.isArray(fields)) {
    return { error, unmatched: setFieldErrors(form, fields) };
  }
  const target = codeFields[error.code];
  if (target) {
    form.setFields([{ name: target, errors: [error.message] }]);
    return { error: null, unmatched: [] };
  }
  return { error, unmatched: [] };
}
