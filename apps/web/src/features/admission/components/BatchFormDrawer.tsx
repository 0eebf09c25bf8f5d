/**
 * A batch (批次, R15) created or changed by the district bureau: its name and kind (按志愿录取 or
 * 征集志愿), its programmes (all with seats left, or a chosen few), the batch's minimum score and
 * per-programme lines (the higher applies), the day families see results, the 退档 deadline and,
 * for 征集志愿, when the unplaced choose again. A published batch is frozen (the server says so).
 */
import { useMemo, useState } from 'react';
import { App, Button, Col, DatePicker, Drawer, Flex, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { fromDay, toDay } from '../../../lib/format';
import { applyApiError, type FormProblem } from '../../../lib/forms';
import { useProgrammeOptions, useSaveBatch } from '../api';
import { admissionMessages } from '../messages';
import type { AdmissionBatch, BatchBody, BatchKind } from '../types';

const m = defineMessages({
  ...admissionMessages,
  createTitle: ['新建批次', 'New batch'],
  editTitle: ['编辑批次：{name}', 'Edit batch: {name}'],
  batchName: ['批次名称', 'Name'],
  namePh: ['例如：提前批、统招批、征集志愿', 'e.g. 提前批, 统招批, 征集志愿'],
  nameRule: ['请填写批次名称（2–40 字）', 'Give the batch a name (2–40 characters)'],
  kind: ['录取方式', 'Kind'],
  kindHint: ['按志愿录取：读取考生已确认的志愿；征集志愿：未录取（及被退档）的考生在剩余计划中重新填报。', 'From the applications: reads the confirmed choices; solicitation: the unplaced (and the returned) choose again among seats left.'],
  scope: ['本批次专业', 'Programmes'],
  scopeAll: ['全部尚有剩余计划的专业', 'Every programme with seats left'],
  scopeSome: ['指定专业', 'Chosen programmes'],
  programmesRule: ['请至少选择一个专业', 'Choose at least one programme'],
  seatsLeft: ['统一录取可用 {n}', '{n} for admission'],
  minScore: ['批次最低控制线', 'Batch minimum score'],
  minScoreHint: ['留空表示不设控制线；专业控制线与批次控制线取较高者。', 'Empty: no line. A programme’s own line and the batch line: the higher applies.'],
  lines: ['分专业控制线', 'Per-programme lines'],
  addLine: ['添加专业控制线', 'Add a programme line'],
  lineProgramme: ['专业', 'Programme'],
  lineScore: ['最低分', 'Minimum'],
  publishOn: ['结果发布日期', 'Results shown from'],
  publishOnHint: ['考生和家长自该日起可查看录取结果。', 'Families see the results from this day.'],
  returnUntil: ['退档截止日期', 'Returns until'],
  solicitFrom: ['征集志愿填报开始', 'Solicitation opens'],
  solicitTo: ['征集志愿填报截止', 'Solicitation closes'],
  savedOk: ['批次已保存', 'Batch saved'],
});

type Values = {
  name: string;
  kind: BatchKind;
  scope: 'all' | 'some';
  programmeIds?: number[];
  minScore?: number | null;
  programmeLines?: { programmeId?: number; minScore?: number | null }[];
  publishOn?: Dayjs | null;
  returnUntil?: Dayjs | null;
  solicitFrom?: Dayjs | null;
  solicitTo?: Dayjs | null;
};

export function BatchFormDrawer({ campaignId, batch, onClose }: { campaignId: number; batch: AdmissionBatch | null; onClose: () => void }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveBatch(campaignId);
  const programmes = useProgrammeOptions(campaignId);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const kind = Form.useWatch('kind', form) ?? batch?.kind ?? 'exam';
  const scope = Form.useWatch('scope', form) ?? (batch?.programmeIds ? 'some' : 'all');
  const chosen = Form.useWatch('programmeIds', form);
  const options = useMemo(
    () => (programmes.data?.rows ?? []).map((p) => ({ value: p.programmeId, label: `${p.schoolName} · ${p.majorName}（${p.campusName}）· ${t('seatsLeft', { n: p.seatsForAdmission })}` })),
    [programmes.data, t],
  );
  // Per-programme lines only on the batch's programmes.
  const lineOptions = scope === 'some' && chosen?.length ? options.filter((o) => chosen.includes(o.value)) : options;

  const initial: Values = batch
    ? {
        name: batch.name, kind: batch.kind, scope: batch.programmeIds ? 'some' : 'all', programmeIds: batch.programmeIds ?? [], minScore: batch.minScore,
        programmeLines: batch.programmeLines.map((l) => ({ ...l })), publishOn: toDay(batch.publishOn), returnUntil: toDay(batch.returnUntil),
        solicitFrom: toDay(batch.solicitFrom), solicitTo: toDay(batch.solicitTo),
      }
    : { name: '', kind: 'exam', scope: 'all', programmeIds: [], minScore: null, programmeLines: [] };

  const onFinish = (v: Values) => {
    setProblem(null);
    const body: BatchBody = {
      name: v.name.trim(),
      kind: v.kind,
      programmeIds: v.scope === 'some' ? (v.programmeIds ?? []) : null,
      minScore: typeof v.minScore === 'number' ? v.minScore : null,
      programmeLines: (v.programmeLines ?? []).filter((l): l is { programmeId: number; minScore: number } => typeof l.programmeId === 'number' && typeof l.minScore === 'number'),
      publishOn: fromDay(v.publishOn),
      returnUntil: fromDay(v.returnUntil),
      solicitFrom: v.kind === 'solicitation' ? fromDay(v.solicitFrom) : null,
      solicitTo: v.kind === 'solicitation' ? fromDay(v.solicitTo) : null,
    };
    save.mutate({ id: batch?.id, body }, { onSuccess: () => { message.success(t('savedOk')); onClose(); }, onError: (e) => setProblem(applyApiError(form, e)) });
  };

  return (
    <Drawer
      open
      size={640}
      title={batch ? t('editTitle', { name: batch.name }) : t('createTitle')}
      onClose={onClose}
      destroyOnHidden
      data-testid="ad-batch-form"
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="ad-batch-save">{t('save')}</Button>
        </Flex>
      }
    >
      {problem && <ApiErrorAlert error={problem.error} extra={problem.unmatched} />}
      {programmes.isError && <ApiErrorAlert error={programmes.error} onRetry={() => programmes.refetch()} />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish} disabled={save.isPending}>
        <Form.Item name="name" label={t('batchName')} rules={[{ required: true, whitespace: true, min: 2, max: 40, message: t('nameRule') }]}>
          <Input maxLength={40} placeholder={t('namePh')} data-testid="ad-batch-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('kind')} extra={t('kindHint')}>
          <Radio.Group data-testid="ad-batch-kind" options={[{ value: 'exam', label: t('kind_exam') }, { value: 'solicitation', label: t('kind_solicitation') }]} />
        </Form.Item>
        <Form.Item name="scope" label={t('scope')}>
          <Radio.Group data-testid="ad-batch-scope" options={[{ value: 'all', label: t('scopeAll') }, { value: 'some', label: t('scopeSome') }]} />
        </Form.Item>
        {scope === 'some' && (
          <Form.Item name="programmeIds" rules={[{ required: true, type: 'array', min: 1, message: t('programmesRule') }]}>
            <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} loading={programmes.isPending} options={options} data-testid="ad-batch-programmes" maxTagCount="responsive" />
          </Form.Item>
        )}
        <Form.Item name="minScore" label={t('minScore')} extra={t('minScoreHint')}>
          <InputNumber min={0} max={10000} step={0.5} style={{ width: 160 }} data-testid="ad-batch-min" />
        </Form.Item>
        <Typography.Text>{t('lines')}</Typography.Text>
        <Form.List name="programmeLines">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="start" data-testid="ad-batch-line">
                  <Form.Item name={[f.name, 'programmeId']} rules={[{ required: true, message: t('required') }]} style={{ flex: 1, minWidth: 0, marginBottom: 8 }}>
                    <Select showSearch={{ optionFilterProp: 'label' }} options={lineOptions} placeholder={t('lineProgramme')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'minScore']} rules={[{ required: true, message: t('required') }]} style={{ marginBottom: 8 }}>
                    <InputNumber min={0} max={10000} step={0.5} placeholder={t('lineScore')} style={{ width: 100 }} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block style={{ marginBottom: 16 }} data-testid="ad-batch-add-line">{t('addLine')}</Button>
            </div>
          )}
        </Form.List>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="publishOn" label={t('publishOn')} extra={t('publishOnHint')}><DatePicker style={{ width: '100%' }} data-testid="ad-batch-publish-on" /></Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="returnUntil" label={t('returnUntil')}><DatePicker style={{ width: '100%' }} data-testid="ad-batch-return-until" /></Form.Item>
          </Col>
          {kind === 'solicitation' && (
            <>
              <Col xs={24} sm={12}>
                <Form.Item name="solicitFrom" label={t('solicitFrom')} rules={[{ required: true, message: t('required') }]}><DatePicker style={{ width: '100%' }} data-testid="ad-batch-solicit-from" /></Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="solicitTo" label={t('solicitTo')} rules={[{ required: true, message: t('required') }]}><DatePicker style={{ width: '100%' }} data-testid="ad-batch-solicit-to" /></Form.Item>
              </Col>
            </>
          )}
        </Row>
      </Form>
    </Drawer>
  );
}
