/**
 * Who is signed in, where the application stands in plain words and what to do next, and the
 * application window with the days left (R11: unlimited changes until the deadline, then locked).
 */
import { Alert, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { familyMessages } from '../messages';
import type { ApplicationStatus, ApplicationView, FamilyMe } from '../types';

const m = defineMessages({
  ...familyMessages,
  whoStudent: ['{name} 同学', '{name}'],
  whoGuardian: ['{guardian}（{name} 的家长）', '{guardian} (guardian of {name})'],
  examNo: ['中考报名号', 'Exam number'],
  school: ['初中学校', 'Junior high'],
  className: ['班级', 'Class'],
  social: ['社会人员（注册入学）', 'Social applicant'],
  window: ['填报时间', 'Application window'],
  daysLeft: ['还剩 {n} 天截止', '{n} day(s) left'],
  lastDay: ['今天是最后一天', 'Today is the last day'],
  notYet: ['志愿填报尚未开始（{from} 开始）。', 'The application window has not opened yet (opens {from}).'],
  closed: ['志愿填报已于 {to} 截止，志愿不能再修改或确认。', 'The application window closed on {to}: the application can no longer be changed or confirmed.'],
  version: ['第 {n} 版', 'Version {n}'],
  n_undecided: ['请先选择升学方向（普通高中或中职学校），然后保存。', 'First choose a track (general senior high or vocational) and save.'],
  n_draft_student: ['请核对下面的志愿，确认无误后点击“学生确认”；家长也需用家长确认码登录确认。', 'Check the choices below and press “Confirm as student”; the guardian confirms too, with the guardian code.'],
  n_draft_guardian: ['请核对下面的志愿，确认无误后点击“家长确认”；学生本人也需确认。', 'Check the choices below and press “Confirm as guardian”; the student confirms too.'],
  n_awaiting_student_student: ['家长已确认，请你核对后点击“学生确认”。', 'The guardian has confirmed: check and press “Confirm as student”.'],
  n_awaiting_student_guardian: ['您已确认，等待学生本人确认。', 'You have confirmed; waiting for the student.'],
  n_awaiting_guardian_student: ['你已确认，请家长用中考报名号和家长确认码登录并确认。', 'You have confirmed; the guardian signs in with the exam number and the guardian code and confirms.'],
  n_awaiting_guardian_guardian: ['学生已确认，请您核对后点击“家长确认”。', 'The student has confirmed: check and press “Confirm as guardian”.'],
  n_confirmed: ['志愿已确认，可下载志愿表。截止前仍可修改，修改后需重新确认。', 'Confirmed. Download the application form. Until the deadline you may still change it; a change needs new confirmations.'],
  n_confirmed_closed: ['志愿已确认，可下载志愿表留存。', 'Confirmed. Download the application form to keep.'],
});

const colors: Record<ApplicationStatus, string> = { undecided: 'default', draft: 'orange', awaiting_student: 'orange', awaiting_guardian: 'orange', confirmed: 'green' };

export function nextStepKey(view: ApplicationView, role: FamilyMe['role']): keyof typeof m {
  if (view.status === 'confirmed') return view.window.open ? 'n_confirmed' : 'n_confirmed_closed';
  if (view.status === 'undecided') return 'n_undecided';
  if (view.status === 'draft') return `n_draft_${role}`;
  return `n_${view.status}_${role}`;
}

export function StatusCard({ me, view, today }: { me: FamilyMe; view: ApplicationView; today: string | undefined }) {
  const { t } = useI18n(m);
  const w = view.window;
  const notYet = !w.open && !!today && today < w.from;
  return (
    <Card size="small" data-testid="family-status">
      <Typography.Title level={4} style={{ margin: 0 }} data-testid="family-who" data-role={me.role}>
        {me.role === 'student' ? t('whoStudent', { name: me.studentName }) : t('whoGuardian', { guardian: me.guardianName || t('role_guardian'), name: me.studentName })}
      </Typography.Title>
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 8 }}
        items={[
          { key: 'exam', label: t('examNo'), children: me.examNo },
          ...(me.social ? [{ key: 'social', label: t('school'), children: t('social') }] : [{ key: 'school', label: t('school'), children: `${me.juniorHighName ?? '—'}${me.className ? ` · ${me.className}` : ''}` }]),
          {
            key: 'window',
            label: t('window'),
            children: (
              <span data-testid="family-window">
                {w.from} – {w.to}
                {w.open && w.daysLeft !== null && <Tag color={w.daysLeft <= 3 ? 'red' : 'blue'} style={{ marginInlineStart: 8 }}>{w.daysLeft === 0 ? t('lastDay') : t('daysLeft', { n: w.daysLeft })}</Tag>}
              </span>
            ),
          },
        ]}
      />
      <Flex align="center" gap={8} wrap style={{ marginTop: 8 }}>
        <Tag color={colors[view.status]} style={{ fontSize: 16, padding: '4px 10px' }} data-testid="application-status" data-status={view.status}>
          {t(`st_${view.status}`)}
        </Tag>
        {view.track && <Typography.Text type="secondary">{t('version', { n: view.version })}</Typography.Text>}
      </Flex>
      <Typography.Paragraph style={{ margin: '8px 0 0' }} data-testid="family-next-step">{t(nextStepKey(view, me.role))}</Typography.Paragraph>
      {!w.open && <Alert type="warning" showIcon style={{ marginTop: 8 }} data-testid="family-window-closed" title={notYet ? t('notYet', { from: w.from }) : t('closed', { to: w.to })} />}
    </Card>
  );
}
