/**
 * 注册入学 (R5): confirmed social applicants are admitted by registration into the seats left
 * after the exam batches, first come first served per programme. The school sees its programmes'
 * seats left and the candidates (their choices first), and admits one into a programme.
 */
import { useMemo, useState } from 'react';
import { App, Button, Card, Flex, Modal, Select, Table, Tag, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useRegister, useRegistrationCandidates } from '../api';
import { admissionMessages } from '../messages';
import type { RegistrationCandidate, RegistrationProgramme } from '../types';

const m = defineMessages({
  ...admissionMessages,
  hint: ['经确认的社会考生在统一录取各批次发布后，按剩余计划注册入学，各专业先到先得（R5）。', 'Confirmed social applicants are admitted by registration into the seats left after the exam batches, first come first served per programme (R5).'],
  programmes: ['本校剩余计划', 'Your seats left'],
  seatsLeft: ['剩余 {n}', '{n} left'],
  category: ['类别', 'Category'],
  choices: ['志愿', 'Choices'],
  admittedAlready: ['已录取', 'Admitted'],
  pick: ['选择专业', 'Choose a programme'],
  register: ['注册入学', 'Admit by registration'],
  confirmTitle: ['注册入学：{name}', 'Admit {name} by registration'],
  confirmText: ['录取到 {major}（{campus}）？该专业剩余计划 {n} 个。', 'Admit into {major} ({campus})? {n} seats left.'],
  done: ['已注册入学', 'Admitted'],
  noCandidates: ['暂无可注册入学的社会考生', 'No social applicant to admit'],
  choiceMark: ['志愿', 'chosen'],
});

export function RegistrationTab({ campaignId }: { campaignId: number }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const q = useRegistrationCandidates(campaignId);
  const register = useRegister();
  const [picked, setPicked] = useState<Record<number, number>>({});
  const [confirm, setConfirm] = useState<{ c: RegistrationCandidate; p: RegistrationProgramme } | null>(null);
  const programmes = q.data?.programmes ?? [];
  const byId = useMemo(() => new Map(programmes.map((p) => [p.programmeId, p])), [programmes]);
  // A candidate's own choices among this school's programmes come first.
  const optionsFor = (c: RegistrationCandidate) => {
    const mine = c.choices.filter((id) => byId.has(id));
    const rest = programmes.filter((p) => !mine.includes(p.programmeId)).map((p) => p.programmeId);
    return [...mine, ...rest].map((id) => {
      const p = byId.get(id)!;
      return { value: id, disabled: p.seatsLeft <= 0, label: `${mine.includes(id) ? `★ ` : ''}${p.majorName}（${p.campusName}）· ${t('seatsLeft', { n: p.seatsLeft })}` };
    });
  };
  const defaultFor = (c: RegistrationCandidate) => c.choices.find((id) => (byId.get(id)?.seatsLeft ?? 0) > 0);

  return (
    <Flex vertical gap={12} data-testid="ad-registration">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('hint')}</Typography.Paragraph>
      {q.isError && <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      <Card size="small" title={t('programmes')}>
        <Flex gap={6} wrap>
          {programmes.map((p) => (
            <Tag key={p.programmeId} color={p.seatsLeft > 0 ? 'green' : 'default'} data-testid="ad-reg-programme" data-programme-id={p.programmeId} data-left={p.seatsLeft}>
              {p.majorName}（{p.campusName}）{t('seatsLeft', { n: p.seatsLeft })}
            </Tag>
          ))}
        </Flex>
      </Card>
      {register.isError && <ApiErrorAlert error={register.error} />}
      <Table<RegistrationCandidate>
        size="small"
        rowKey="studentId"
        loading={q.isFetching}
        dataSource={q.data?.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('noCandidates') }}
        pagination={(q.data?.items.length ?? 0) > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
        data-testid="ad-reg-rows"
        onRow={(c) => ({ 'data-testid': 'ad-reg-row', 'data-student-id': c.studentId }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('name'), dataIndex: 'name', fixed: 'left' as const },
          { title: t('examNo'), dataIndex: 'examNo' },
          { title: t('category'), dataIndex: 'category', render: (v: string | null) => v ?? '—' },
          { title: t('choices'), key: 'ch', render: (_: unknown, c) => c.choices.map((id) => byId.get(id)?.majorName).filter(Boolean).join('、') || '—' },
          {
            title: t('actions'), key: 'a', render: (_: unknown, c) => {
              if (c.admitted) return <Tag color="green">{t('admittedAlready')}</Tag>;
              const value = picked[c.studentId] ?? defaultFor(c);
              const p = value ? byId.get(value) : undefined;
              return (
                <Flex gap={6} wrap>
                  <Select size="small" style={{ width: 240, maxWidth: '100%' }} placeholder={t('pick')} value={value} popupMatchSelectWidth={false}
                    onChange={(v: number) => setPicked((o) => ({ ...o, [c.studentId]: v }))} options={optionsFor(c)} data-testid="ad-reg-programme-pick" />
                  <Button size="small" type="primary" disabled={!p || p.seatsLeft <= 0} onClick={() => p && setConfirm({ c, p })} data-testid="ad-reg-submit" data-student-id={c.studentId}>{t('register')}</Button>
                </Flex>
              );
            },
          },
        ]}
      />
      {confirm && (
        <Modal open title={t('confirmTitle', { name: confirm.c.name })} okText={t('register')} onCancel={() => setConfirm(null)} destroyOnHidden
          okButtonProps={{ loading: register.isPending, 'data-testid': 'ad-reg-confirm' }}
          onOk={() => register.mutate({ studentId: confirm.c.studentId, programmeId: confirm.p.programmeId }, { onSuccess: () => { message.success(t('done')); setConfirm(null); }, onError: () => setConfirm(null) })}>
          <Typography.Paragraph>{t('confirmText', { major: confirm.p.majorName, campus: confirm.p.campusName, n: confirm.p.seatsLeft })}</Typography.Paragraph>
        </Modal>
      )}
    </Flex>
  );
}
