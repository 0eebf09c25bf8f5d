/**
 * A refused request comes back as an error whose `details.refusals` lists every reason,
 * each naming its rule (R4, R7, R9, R10); the pre-check in the browser gives the same shape.
 */
import { isApiError } from '../../../lib/api';
import type { Refusal } from '../types';

export function refusalsOf(error: unknown): Refusal[] {
  if (!isApiError(error)) return [];
  const list = (error.details as { refusals?: unknown } | undefined)?.refusals;
  if (!Array.isArray(list)) return [];
  return list.filter((r): r is Refusal => !!r && typeof r === 'object' && typeof (r as Refusal).code === 'string');
}
