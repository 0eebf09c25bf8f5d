/**
 * A junior high enters a family's application on its behalf (志愿代填): the track, the ranked
 * vocational choices and 服从调剂. It stays unconfirmed until the student and the guardian
 * confirm it themselves (R11: a school may help, never decide); the live picture counts
 * the applications entered by staff and the changes families make afterwards.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Empty, Flex, Radio, Select, Space, Switch, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useProgrammes, useSaveOnBehalf, useStudent } from '../api';
import { studentMessages } from '../messages';
import { StatusTag } from '../shared';
import type { Programme, Student, Track } from '../types';

const m = defineMessages({
  ...studentMessages,
  title: ['代填志愿：{name}', 'Enter the application: {name}'],
  warning: ['代填只是帮助家庭录入：保存后须由学生本人和家长分别登录确认，志愿才生效。学校不得替家庭作出选择。', 'Entering only helps the family: the student and the guardian must each sign in and confirm before it counts. The school must not choose for the family.'],
  undecided: ['暂未决定', 'Not decided'],
  choices: ['中职志愿（按顺序，最多 {n} 个）', 'Vocational choices (in order, at most {n})'],
  add: ['添加志愿', 'Add a choice'],
  pick: ['选择学校和专业', 'Choose a school and programme'],
  adjust: ['服从调剂', 'Accept reassignment'],
  adjustHint: ['所填志愿未被录取时，同意调剂到其他有空余计划的专业', 'If no choice admits the student, agree to be placed in another programme with free seats'],
  savedPending: ['已保存，等待学生和家长确认', 'Saved; waiting for the student and the guardian to confirm'],
  noProgrammes: ['没有可填报的专业（须具备招生资格、简章已备案且有计划）', 'No programme can be chosen (qualified, brochure filed and with seats)'],
  programmesMissing: ['无法读取招生专业列表', 'The programme list could not be read'],
  current: ['当前', 'Current'],
  version: ['第 {v} 版', 'version {v}'],
});

type Choice = { key: number; programmeId: number | null };
let seq = 0;

export function OnBehalfDrawer({ student, onClose }: { student: Student; onClose: () => void }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const detail = useStudent(student.id);
  const programmes = useProgrammes(student.campaignId);
  const save = useSaveOnBehalf();
  const [track, setTrack] = useState<Track | null>(student.track);
  const [choices, setChoices] = useState<Choice[]>([]);
  const [adjust, setAdjust] = useState(false);
  const app = detail.data?.application ?? null;
  const max = programmes.data?.maxChoices ?? app?.maxChoices ?? 6;

  useEffect(() => {
    if (!detail.data) return;
    const a = detail.data.application;
    setTrack(a?.track ?? null);
    setChoices((a?.choices ?? []).map((c) => ({ key: ++seq, programmeId: c.programmeId })));
    setAdjust(a?.acceptAdjustment ?? false);
  }, [detail.data]);

  const label = (p: Programme) => `${p.schoolName} · ${p.majorName}${p.campusName ? `（${p.campusName}）` : ''}`;
  const options = (programmes.data?.items ?? []).map((p) => ({ value: p.programmeId, label: label(p), disabled: !p.choosable }));
  const move = (i: number, d: -1 | 1) => setChoices((cs) => { const n = [...cs]; const [x] = n.splice(i, 1); n.splice(i + d, 0, x!); return n; });
  const submit = () => {
    const body = { id: student.id, track, acceptAdjustment: track === 'vocational' && adjust, choices: track === 'vocational' ? choices.filter((c) => c.programmeId).map((c) => ({ programmeId: c.programmeId! })) : [] };
    save.mutate(body, { onSuccess: () => { message.success(t('savedPending')); onClose(); } });
  };

  return (
    <Drawer
      open
      width={Math.min(560, window.innerWidth)}
      title={t('title', { name: student.name })}
      onClose={onClose}
      data-testid="onbehalf-drawer"
      extra={<Space><Button onClick={onClose}>{t('cancel')}</Button><Button type="primary" loading={save.isPending} disabled={!detail.data} onClick={submit} data-testid="onbehalf-save">{t('save')}</Button></Space>}
    >
      <Alert type="warning" showIcon title={t('warning')} style={{ marginBottom: 16 }} data-testid="onbehalf-warning" />
      {detail.isError && <ApiErrorAlert error={detail.error} onRetry={() => detail.refetch()} />}
      {save.isError && <ApiErrorAlert error={save.error} />}
      {app && app.version > 0 && (
        <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('current')}:</Typography.Text>
          <StatusTag status={app.status} />
          <Typography.Text type="secondary">{t('version', { v: app.version })}</Typography.Text>
        </Flex>
      )}
      <Typography.Title level={5}>{t('track')}</Typography.Title>
      <Radio.Group
        value={track ?? 'none'}
        onChange={(e) => setTrack(e.target.value === 'none' ? null : (e.target.value as Track))}
        optionType="button"
        data-testid="onbehalf-track"
        options={[{ value: 'vocational', label: t('track_vocational') }, { value: 'general', label: t('track_general') }, { value: 'none', label: t('undecided') }]}
      />
      {track === 'vocational' && (
        <>
          <Typography.Title level={5} style={{ marginTop: 20 }}>{t('choices', { n: max })}</Typography.Title>
          {programmes.isError && <ApiErrorAlert error={programmes.error} extra={[t('programmesMissing')]} />}
          {programmes.data && options.every((o) => o.disabled) && <Empty description={t('noProgrammes')} />}
          <Flex vertical gap={8} data-testid="onbehalf-choices">
            {choices.map((c, i) => (
              <Flex key={c.key} gap={4} align="center">
                <Typography.Text strong style={{ width: 20 }}>{i + 1}</Typography.Text>
                <Select
                  style={{ flex: 1, minWidth: 0 }}
                  value={c.programmeId ?? undefined}
                  placeholder={t('pick')}
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={programmes.isPending}
                  options={options.map((o) => ({ ...o, disabled: o.disabled || choices.some((x, j) => j !== i && x.programmeId === o.value) }))}
                  onChange={(v: number) => setChoices((cs) => cs.map((x) => (x.key === c.key ? { ...x, programmeId: v } : x)))}
                  data-testid={`onbehalf-choice-${i}`}
                />
                <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} />
                <Button size="small" icon={<ArrowDownOutlined />} disabled={i === choices.length - 1} onClick={() => move(i, 1)} />
                <Button size="small" danger icon={<DeleteOutlined />} onClick={() => setChoices((cs) => cs.filter((x) => x.key !== c.key))} />
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} disabled={choices.length >= max} onClick={() => setChoices((cs) => [...cs, { key: ++seq, programmeId: null }])} data-testid="onbehalf-add">{t('add')}</Button>
          </Flex>
          <Flex gap={8} align="center" style={{ marginTop: 16 }}>
            <Switch checked={adjust} onChange={setAdjust} data-testid="onbehalf-adjust" />
            <Typography.Text>{t('adjust')}</Typography.Text>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('adjustHint')}</Typography.Text>
        </>
      )}
    </Drawer>
  );
}
