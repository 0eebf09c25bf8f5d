/**
 * 统计 (R1, R2, R13, R14): the campaign's early transfers in figures — totals; per junior high
 * the filed students against its sending target (filed early transfers count toward it, R2);
 * per vocational school (district-run or city-run) its cap, pending and filed; the filed ones
 * at district-run schools toward N_district (R1); the academic-exam outcomes per school.
 */
import { Card, Flex, Progress, Skeleton, Statistic, Tag, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useTransferReport } from '../api';
import { transferMessages } from '../messages';
import { ResponsiveTable } from '../shared/ResponsiveTable';
import type { EarlyTransferReport } from '../types';

const m = defineMessages({
  ...transferMessages,
  pending: ['办理中', 'In progress'],
  filed: ['已备案', 'Filed'],
  returned: ['已退回', 'Returned'],
  refusedOrWithdrawn: ['不同意 / 撤回', 'Refused / withdrawn'],
  nDistrict: ['计入区属招生目标（R1）', 'Toward N_district (R1)'],
  nDistrictText: ['区属中职学校已备案提前学习 {filed} 人，区属目标 N_district = {target}', '{filed} filed early transfers at district-run schools; N_district = {target}'],
  byJuniorHigh: ['按生源初中（R2）', 'By junior high (R2)'],
  bySchool: ['按中职学校', 'By vocational school'],
  exam: ['学业水平考试（R14）', 'Academic exam (R14)'],
  target: ['送培目标', 'Target'],
  vocationalConfirmed: ['已确认中职志愿', 'Vocational confirmed'],
  ofTarget: ['占目标', 'Of target'],
  runBy: ['举办', 'Run by'],
  cap: ['提前学习名额', 'Cap'],
  students: ['学生', 'Students'],
  withResults: ['已录入', 'With results'],
  satAll: ['全科参考', 'Sat all'],
  passedAll: ['全科合格', 'Passed all'],
  bySubject: ['分科（合格/参考）', 'By subject (passed/sat)'],
});

type JH = EarlyTransferReport['byJuniorHigh'][number];
type School = EarlyTransferReport['bySchool'][number];
type Exam = EarlyTransferReport['exam'][number];

export function ReportTab({ campaignId }: { campaignId: number }) {
  const { t } = useI18n(m);
  const q = useTransferReport(campaignId);
  if (q.isError) return <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending) return <Skeleton active />;
  const r = q.data;
  const pct = (a: number, b: number | null) => (b ? `${((a / b) * 100).toFixed(1)}%` : '—');
  return (
    <Flex vertical gap={12} data-testid="et-report">
      <Card size="small">
        <Flex gap={24} wrap>
          {(['pending', 'filed', 'returned', 'refusedOrWithdrawn'] as const).map((k) => <Statistic key={k} title={t(k)} value={r.totals[k]} styles={{ content: { fontSize: 22 } }} data-testid={`et-total-${k}`} />)}
        </Flex>
      </Card>
      <Card size="small" title={t('nDistrict')} data-testid="et-ndistrict">
        <Typography.Text>{t('nDistrictText', { filed: r.nDistrict.filedDistrictRun, target: r.nDistrict.target })}</Typography.Text>
        <Progress percent={r.nDistrict.target ? Math.min(100, (r.nDistrict.filedDistrictRun / r.nDistrict.target) * 100) : 0} format={() => pct(r.nDistrict.filedDistrictRun, r.nDistrict.target)} />
      </Card>
      <Card size="small" title={t('byJuniorHigh')}>
        <ResponsiveTable<JH>
          rows={r.byJuniorHigh}
          rowKey={(x) => x.juniorHighId}
          testId="et-report-jh"
          cols={[
            { key: 'n', title: t('juniorHigh'), render: (x) => x.juniorHighName },
            { key: 't', title: t('target'), align: 'right', render: (x) => x.sendingTarget ?? '—' },
            { key: 'v', title: t('vocationalConfirmed'), align: 'right', render: (x) => x.vocationalConfirmed },
            { key: 'p', title: t('pending'), align: 'right', render: (x) => x.pending },
            { key: 'f', title: t('filed'), align: 'right', render: (x) => <Typography.Text strong>{x.filed}</Typography.Text> },
            { key: 'o', title: t('ofTarget'), align: 'right', render: (x) => pct(x.filed, x.sendingTarget) },
          ]}
        />
      </Card>
      <Card size="small" title={t('bySchool')}>
        <ResponsiveTable<School>
          rows={r.bySchool}
          rowKey={(x) => x.schoolId}
          testId="et-report-school"
          cols={[
            { key: 'n', title: t('school'), render: (x) => x.schoolName },
            { key: 'r', title: t('runBy'), render: (x) => <Tag color={x.runBy === 'district' ? 'geekblue' : 'purple'}>{t(`run_${x.runBy}`)}</Tag> },
            { key: 'c', title: t('cap'), align: 'right', render: (x) => x.cap },
            { key: 'p', title: t('pending'), align: 'right', render: (x) => x.pending },
            { key: 'f', title: t('filed'), align: 'right', render: (x) => <Typography.Text strong>{x.filed}</Typography.Text> },
            { key: 'x', title: t('returned'), align: 'right', render: (x) => x.returned },
          ]}
        />
      </Card>
      <Card size="small" title={t('exam')}>
        <ResponsiveTable<Exam>
          rows={r.exam}
          rowKey={(x) => x.schoolId}
          testId="et-report-exam"
          cols={[
            { key: 'n', title: t('school'), render: (x) => x.schoolName },
            { key: 's', title: t('students'), align: 'right', render: (x) => x.students },
            { key: 'w', title: t('withResults'), align: 'right', render: (x) => x.withResults },
            { key: 'a', title: t('satAll'), align: 'right', render: (x) => x.satAll },
            { key: 'p', title: t('passedAll'), align: 'right', render: (x) => x.passedAll },
            { key: 'b', title: t('bySubject'), render: (x) => x.bySubject.map((s) => `${s.subject} ${s.passed}/${s.sat}`).join('，') || '—' },
          ]}
        />
      </Card>
    </Flex>
  );
}
