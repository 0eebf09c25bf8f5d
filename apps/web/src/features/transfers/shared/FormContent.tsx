/**
 * The 中等职业学校志愿填报表 (the plan's Annex 4) as the seals sign it (R13): the student, the
 * source school, the enrolling school and its major, the guardian, the family's confirmations
 * and the two schools' seals. Filled by the server from the records; shown, never edited.
 */
import { Descriptions, Flex, Grid, Tag, Typography } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../lib/format';
import { transferMessages } from '../messages';
import type { EarlyTransferDetail } from '../types';
import { SealRow } from './SealMark';

const m = defineMessages({
  ...transferMessages,
  formTitle: ['中等职业学校志愿填报表', 'Vocational school application form (Annex 4)'],
  campaign: ['招生活动', 'Campaign'],
  gender: ['性别', 'Gender'],
  idNumber: ['身份证号', 'ID number'],
  cohort: ['考生类别', 'Cohort'],
  cohort_current: ['应届', 'Current year'],
  cohort_past: ['往届', 'Past years'],
  hukou: ['户籍所在区', 'Hukou district'],
  sourceSchool: ['生源学校（初中）', 'Source school (junior high)'],
  enrollingSchool: ['志愿学校（中职）', 'Enrolling school'],
  length: ['学制', 'Length'],
  years: ['{n} 年', '{n} years'],
  guardian: ['监护人', 'Guardian'],
  curriculum: ['完成义务教育课程', 'Compulsory curriculum finished'],
  signatures: ['学生、家长确认', 'The family’s confirmations'],
  signedStudent: ['学生确认', 'Student'],
  signedGuardian: ['家长确认', 'Guardian'],
  notYet: ['未确认', 'Not yet'],
  seals: ['学校盖章', 'The schools’ seals'],
  versionN: ['第 {n} 版', 'Version {n}'],
});

/** When each family member confirmed the current version, from the history. */
function confirmations(d: EarlyTransferDetail): Record<'student' | 'guardian', string | null> {
  const at = (who: 'student' | 'guardian') =>
    d.pendingConfirmers.includes(who) ? null : [...d.history].reverse().find((h) => /(^|\.)(confirm|request|change)$/.test(h.action) && (h.party === who || h.by === who) && (h.version === null || h.version === d.version))?.at ?? null;
  return { student: at('student'), guardian: at('guardian') };
}

export function FormContent({ d }: { d: EarlyTransferDetail }) {
  const { t } = useI18n(m);
  const c = d.content;
  const phone = !Grid.useBreakpoint().sm;
  const signed = confirmations(d);
  const sig = (who: 'student' | 'guardian') =>
    d.pendingConfirmers.includes(who)
      ? <span style={{ color: '#d46b08' }} data-testid={`et-signed-${who}`} data-signed="false"><ClockCircleOutlined /> {t('notYet')}</span>
      : <span style={{ color: '#389e0d' }} data-testid={`et-signed-${who}`} data-signed="true"><CheckCircleOutlined /> {signed[who] ? formatDateTime(signed[who]) : t('done')}</span>;
  return (
    <div data-testid="et-form" style={{ border: '1px solid #d9d9d9', borderRadius: 8, padding: 12, background: '#fff' }}>
      <Typography.Title level={5} style={{ textAlign: 'center', margin: '0 0 4px', letterSpacing: 2 }}>{t('formTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center', fontSize: 12, margin: '0 0 8px' }}>
        {c.campaign.name} · {t('versionN', { n: c.version })}
      </Typography.Paragraph>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2 }}
        // On a phone the labels wrap in a narrow column so the values keep their width.
        styles={phone ? { label: { width: 84, padding: '6px 8px' }, content: { padding: '6px 8px', wordBreak: 'break-all' } } : { label: { whiteSpace: 'nowrap' } }}
        items={[
          { key: 'name', label: t('name'), children: c.student.name },
          { key: 'gender', label: t('gender'), children: t(c.student.gender) },
          { key: 'exam', label: t('examNo'), children: c.student.examNo },
          { key: 'id', label: t('idNumber'), children: c.student.idMasked },
          { key: 'class', label: t('className'), children: c.student.className },
          { key: 'cohort', label: t('cohort'), children: t(`cohort_${c.student.cohort}`) },
          { key: 'hukou', label: t('hukou'), children: c.student.hukouDistrict },
          { key: 'src', label: t('sourceSchool'), children: c.sourceSchool.name },
          { key: 'school', label: t('enrollingSchool'), children: <>{c.enrollingSchool.name} <Tag color={c.enrollingSchool.runBy === 'district' ? 'geekblue' : 'purple'}>{t(`run_${c.enrollingSchool.runBy}`)}</Tag></> },
          { key: 'major', label: t('major'), children: c.programme.majorName },
          { key: 'campus', label: t('campus'), children: c.programme.campusName },
          { key: 'len', label: t('length'), children: t('years', { n: c.programme.lengthYears }) },
          { key: 'guardian', label: t('guardian'), children: `${c.guardian.name}（${c.guardian.relation}）${c.guardian.phoneMasked}` },
          { key: 'curr', label: t('curriculum'), children: c.curriculumCompletedOn },
          { key: 'req', label: t('requestedOn'), children: c.requestedOn },
        ]}
      />
      <Typography.Text strong style={{ display: 'block', margin: '12px 0 4px' }}>{t('signatures')}</Typography.Text>
      <Flex gap={16} wrap style={{ fontSize: 13 }}>
        <span>{t('signedStudent')}：{sig('student')}</span>
        <span>{t('signedGuardian')}：{sig('guardian')}</span>
      </Flex>
      <Typography.Text strong style={{ display: 'block', margin: '12px 0 8px' }}>{t('seals')}</Typography.Text>
      <SealRow seals={d.seals} parties={['source', 'school']} />
    </div>
  );
}
