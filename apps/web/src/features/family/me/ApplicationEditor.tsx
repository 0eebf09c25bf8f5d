/**
 * The family's choice: general senior high or vocational, never both (普职不兼报, R11); for
 * vocational, up to K ranked programmes and 服从调剂. Saving makes a new version, which both
 * the student and the guardian then confirm.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Flex, Radio, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { FamilyError } from '../FamilyError';
import { useProgrammes, useSaveApplication } from '../api';
import { familyMessages } from '../messages';
import type { ApplicationView, Programme, Track } from '../types';
import { ProgrammePicker } from './ProgrammePicker';

const m = defineMessages({
  ...familyMessages,
  trackTitle: ['1. 升学方向', '1. Track'],
  r11: [
    '普职不兼报（R11）：普通高中和中职学校只能选一个。选择普通高中，就不能填报中职志愿；选择中职学校，就不再参加普通高中录取。截止前可以改变主意。',
    'General or vocational, never both (R11): choose one. Choosing general senior high means no vocational choices; choosing vocational means you are not admitted to a general senior high. You may change your mind until the deadline.',
  ],
  generalHint: ['参加普通高中招生录取（由中考招生系统办理）', 'Admitted by the senior-high exam system'],
  vocationalHint: ['按顺序填报中职学校的专业志愿', 'Rank vocational programmes below'],
  choicesTitle: ['2. 中职志愿（按顺序，最多 {n} 个）', '2. Vocational choices (ranked, at most {n})'],
  noChoices: ['还没有选择专业，请点“添加志愿”。', 'No programme yet: press “Add a choice”.'],
  add: ['添加志愿', 'Add a choice'],
  rank: ['第 {n} 志愿', 'Choice {n}'],
  up: ['上移', 'Up'],
  down: ['下移', 'Down'],
  remove: ['删除', 'Remove'],
  adjustTitle: ['3. 是否服从调剂', '3. Accept adjustment?'],
  adjustHint: ['服从调剂：所填志愿都未被录取时，同意被调剂到其他有空余名额的专业。', 'If none of your choices admits you, you agree to be placed in another programme with free seats.'],
  adjustYes: ['服从调剂', 'Yes, accept'],
  adjustNo: ['不服从调剂', 'No'],
  saveNew: ['保存志愿', 'Save'],
  unsaved: ['有未保存的修改', 'Unsaved changes'],
  savedVersion: ['已保存为第 {n} 版，请确认', 'Saved as version {n}: now confirm it'],
  locked: ['填报时间外不能修改', 'Cannot be changed outside the window'],
  unknownProgramme: ['专业 #{id}', 'Programme #{id}'],
});

type Draft = { track: Track | null; choices: number[]; acceptAdjustment: boolean };
const draftOf = (v: ApplicationView): Draft => ({ track: v.track, choices: [...v.choices].sort((a, b) => a.rank - b.rank).map((c) => c.programmeId), acceptAdjustment: v.acceptAdjustment });
const same = (a: Draft, b: Draft) => a.track === b.track && a.acceptAdjustment === b.acceptAdjustment && a.choices.join(',') === b.choices.join(',');

export function ApplicationEditor({ view, onDirty }: { view: ApplicationView; onDirty: (dirty: boolean) => void }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Draft>(() => draftOf(view));
  const [picking, setPicking] = useState(false);
  const programmes = useProgrammes();
  const save = useSaveApplication();
  const locked = !view.window.open;
  const max = programmes.data?.maxChoices ?? view.maxChoices;

  // A new version from the server (saved here, by the other family member, or by staff) resets the
  // draft; a refetch of the same version keeps what is being edited (hence the version, not the view).
  useEffect(() => setDraft(draftOf(view)), [view.version, view.studentId]);
  const dirty = !same(draft, draftOf(view));
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const byId = useMemo(() => new Map((programmes.data?.items ?? []).map((p) => [p.programmeId, p])), [programmes.data]);
  const fromView = useMemo(() => new Map(view.choices.map((c) => [c.programmeId, c])), [view.choices]);
  const set = (patch: Partial<Draft>) => { save.reset(); setDraft((d) => ({ ...d, ...patch })); };
  const move = (i: number, by: -1 | 1) => {
    const c = [...draft.choices];
    [c[i], c[i + by]] = [c[i + by]!, c[i]!];
    set({ choices: c });
  };

  const onSave = () =>
    save.mutate(
      { track: draft.track, choices: draft.track === 'vocational' ? draft.choices.map((programmeId) => ({ programmeId })) : [], acceptAdjustment: draft.track === 'vocational' && draft.acceptAdjustment },
      { onSuccess: (v) => message.success(t('savedVersion', { n: v.version })) },
    );

  return (
    <Card size="small" data-testid="application-editor">
      <Typography.Title level={5} style={{ marginTop: 0 }}>{t('trackTitle')}</Typography.Title>
      <Alert type="info" showIcon title={t('r11')} style={{ marginBottom: 8 }} data-testid="r11-explained" />
      <Radio.Group value={draft.track} disabled={locked} onChange={(e) => set({ track: e.target.value as Track })} style={{ width: '100%' }}>
        <Flex vertical gap={8}>
          {(view.social ? (['vocational'] as const) : (['general', 'vocational'] as const)).map((tr) => (
            <Card key={tr} size="small" style={{ borderColor: draft.track === tr ? '#1677ff' : undefined }}>
              <Radio value={tr} data-testid={`track-${tr}`}>
                <Typography.Text strong>{t(`tr_${tr}`)}</Typography.Text>
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,.55)' }}>{t(tr === 'general' ? 'generalHint' : 'vocationalHint')}</div>
              </Radio>
            </Card>
          ))}
        </Flex>
      </Radio.Group>

      {draft.track === 'vocational' && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('choicesTitle', { n: max })}</Typography.Title>
          {draft.choices.length === 0 && <Typography.Paragraph type="secondary">{t('noChoices')}</Typography.Paragraph>}
          <Flex vertical gap={8} data-testid="choice-list">
            {draft.choices.map((id, i) => (
              <ChoiceRow key={id} rank={i + 1} id={id} p={byId.get(id)} fallback={fromView.get(id)} locked={locked} first={i === 0} last={i === draft.choices.length - 1}
                onUp={() => move(i, -1)} onDown={() => move(i, 1)} onRemove={() => set({ choices: draft.choices.filter((x) => x !== id) })} />
            ))}
          </Flex>
          <Button icon={<PlusOutlined />} block style={{ marginTop: 8 }} disabled={locked || draft.choices.length >= max} onClick={() => setPicking(true)} data-testid="choice-add" loading={programmes.isPending}>
            {t('add')} ({draft.choices.length}/{max})
          </Button>
          {programmes.isError && <FamilyError error={programmes.error} />}
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('adjustTitle')}</Typography.Title>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('adjustHint')}</Typography.Paragraph>
          <Radio.Group value={draft.acceptAdjustment} disabled={locked} onChange={(e) => set({ acceptAdjustment: e.target.value as boolean })} optionType="button" buttonStyle="solid"
            options={[{ value: true, label: <span data-testid="adjust-yes">{t('adjustYes')}</span> }, { value: false, label: <span data-testid="adjust-no">{t('adjustNo')}</span> }]} />
        </>
      )}

      <div style={{ marginTop: 16 }}>
        <FamilyError error={save.error} testId="application-save-error" />
        <Flex align="center" gap={8} wrap>
          <Button type="primary" size="large" onClick={onSave} loading={save.isPending} disabled={locked || !dirty || draft.track === null} data-testid="application-save">
            {t('saveNew')}
          </Button>
          {dirty && !locked && <Typography.Text type="warning" data-testid="application-unsaved">{t('unsaved')}</Typography.Text>}
          {locked && <Typography.Text type="secondary">{t('locked')}</Typography.Text>}
        </Flex>
      </div>

      {programmes.data && (
        <ProgrammePicker open={picking} onClose={() => setPicking(false)} programmes={programmes.data.items} chosen={draft.choices} max={max}
          onPick={(id) => { set({ choices: [...draft.choices, id] }); setPicking(false); }} />
      )}
    </Card>
  );
}

type RowProps = { rank: number; id: number; p: Programme | undefined; fallback: ApplicationView['choices'][number] | undefined; locked: boolean; first: boolean; last: boolean; onUp: () => void; onDown: () => void; onRemove: () => void };

function ChoiceRow({ rank, id, p, fallback, locked, first, last, onUp, onDown, onRemove }: RowProps) {
  const { t } = useI18n(m);
  const major = p?.majorName ?? fallback?.majorName ?? t('unknownProgramme', { id });
  const school = p?.schoolName ?? fallback?.schoolName ?? '';
  const campus = p?.campusName ?? fallback?.campusName ?? '';
  return (
    <Card size="small" data-testid="choice-item" data-programme-id={id} data-rank={rank}>
      <Flex justify="space-between" align="center" gap={8}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('rank', { n: rank })}</Typography.Text>
          <div><Typography.Text strong>{major}</Typography.Text></div>
          <div style={{ fontSize: 13 }}>{school}{campus ? ` · ${campus}` : ''}</div>
          {p?.brochureId && (
            <a href={`/public/brochures/${p.brochureId}`} target="_blank" rel="noreferrer" style={{ fontSize: 12 }}><FileTextOutlined /> {t('brochure')}</a>
          )}
        </div>
        <Flex vertical gap={4}>
          <Button size="small" icon={<ArrowUpOutlined />} aria-label={t('up')} disabled={locked || first} onClick={onUp} data-testid="choice-up" />
          <Button size="small" icon={<ArrowDownOutlined />} aria-label={t('down')} disabled={locked || last} onClick={onDown} data-testid="choice-down" />
          <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('remove')} disabled={locked} onClick={onRemove} data-testid="choice-remove" />
        </Flex>
      </Flex>
    </Card>
  );
}
