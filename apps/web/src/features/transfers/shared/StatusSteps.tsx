/**
 * Where a form stands as five steps (R13, R14): the family confirms → the junior high seals →
 * the vocational school seals → the combined list → the district bureau files. A refusal, a
 * withdrawal or a return marks the step where it happened.
 */
import { Steps } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../lib/format';
import { transferMessages } from '../messages';
import type { EarlyTransfer } from '../types';

const m = defineMessages({
  ...transferMessages,
  s_family: ['学生家长确认', 'Family confirms'],
  s_source: ['初中盖章', 'Junior high seals'],
  s_school: ['中职盖章', 'Vocational school seals'],
  s_list: ['汇总名单', 'Combined list'],
  s_file: ['区教育局备案', 'District files'],
});

const sealOf = (x: EarlyTransfer, party: 'source' | 'school') => [...x.seals].filter((s) => s.party === party).sort((a, b) => b.sealedAt.localeCompare(a.sealedAt))[0];

/** How far the form got: the index of the step now due (5 when all are done). */
function reached(x: EarlyTransfer): number {
  if (x.filingNumber) return 5;
  if (x.listId) return 4;
  if (sealOf(x, 'school')) return 3;
  if (sealOf(x, 'source')) return 2;
  return x.pendingConfirmers.length === 0 ? 1 : 0;
}

export function stepState(x: EarlyTransfer): { current: number; status: 'process' | 'finish' | 'error' } {
  switch (x.status) {
    case 'awaiting_family': return { current: 0, status: 'process' };
    case 'awaiting_source': return { current: 1, status: 'process' };
    case 'awaiting_school': return { current: 2, status: 'process' };
    case 'sealed': return { current: 3, status: 'process' };
    case 'listed': return { current: 4, status: 'process' };
    case 'filed': return { current: 4, status: 'finish' };
    case 'refused': return { current: x.decidedBy === 'school' ? 2 : 1, status: 'error' };
    case 'returned': return { current: 4, status: 'error' };
    case 'withdrawn': return { current: Math.min(4, reached(x)), status: 'error' };
  }
}

export function StatusSteps({ x, vertical }: { x: EarlyTransfer; vertical?: boolean }) {
  const { t } = useI18n(m);
  const { current, status } = stepState(x);
  const source = sealOf(x, 'source');
  const school = sealOf(x, 'school');
  const when = (s: typeof source) => (s ? `${formatDateTime(s.sealedAt).slice(0, 10)}${s.valid ? '' : ` · ${t('sealVoid')}`}` : undefined);
  return (
    <div data-testid="et-steps" data-current={current} data-step-status={status}>
      <Steps
        size="small"
        orientation={vertical ? 'vertical' : 'horizontal'}
        responsive
        current={current}
        status={status}
        items={[
          { title: t('s_family'), content: x.pendingConfirmers.length === 0 ? x.requestedOn : undefined },
          { title: t('s_source'), content: when(source) },
          { title: t('s_school'), content: when(school) },
          { title: t('s_list'), content: x.listId ? t('done') : undefined },
          { title: t('s_file'), content: x.filingNumber ? `${x.filingNumber}${x.filedOn ? ` · ${x.filedOn}` : ''}` : undefined },
        ]}
      />
    </div>
  );
}
