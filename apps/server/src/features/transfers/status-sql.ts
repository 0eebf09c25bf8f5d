/**
 * The early-transfer states as SQL lists, derived from the domain's (one definition): a form
 * in force holds a seat (every state but the final ones); a pending one is in force and not
 * yet filed.
 */
import { sql } from 'drizzle-orm';
import { finalTransferStatuses, seatHoldingStatuses } from '@zhizhao/domain';

const list = (xs: readonly string[]) => sql.raw(`(${xs.map((x) => `'${x}'`).join(', ')})`);

/** `status not in ${FINAL}`: the form is in force (and holds a seat of its programme). */
export const FINAL = list(finalTransferStatuses);
/** `status in ${PENDING}`: asked for and not yet filed. */
export const PENDING = list(seatHoldingStatuses.filter((s) => s !== 'filed'));
