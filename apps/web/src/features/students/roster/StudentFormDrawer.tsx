/**
 * Adds a student to the roster or corrects one. The ID number and the guardian's phone are
 * typed whole here; lists only ever show them masked. A district user names the junior high.
 */
import { useState } from 'react';
import { App, Button, Drawer, Form, Input, Radio, Select, Space } from 'antd';
import { idTypeLabels, idTypes } from '@zhizhao/domain';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { applyApiError, type FormProblem } from '../../../lib/forms';
import { JuniorHighSelect } from '../../visits/school/JuniorHighSelect';
import { useCreateStudent, useUpdateStudent } from '../api';
import { studentMessages } from '../messages';
import type { CreateStudent, Student } from '../types';

const m = defineMessages({
  ...studentMessages,
  addTitle: ['新增学生', 'Add a student'],
  editTitle: ['修改学生信息', 'Edit the student'],
  idHint: ['修改时留空表示不变', 'Leave empty to keep the current one'],
  phoneHint: ['修改时留空表示不变', 'Leave empty to keep the current one'],
  cohort: ['届别', 'Cohort'],
  current: ['应届', 'This year'],
  past: ['往届', 'Earlier'],
  hukou: ['户籍所在区', 'Hukou district'],
  added: ['已添加，可打印账号条', 'Added; its slip can be printed'],
});

const codes = { STUDENT_EXAM_NO_TAKEN: 'examNo', STUDENT_ID_TAKEN: 'idNumber', STUDENT_ID_INVALID: 'idNumber', STUDENT_DOCUMENT_INVALID: 'idNumber', STUDENT_GENDER_MISMATCH: 'gender', STUDENT_NOT_A_JUNIOR_HIGH: 'juniorHighId' };

type Props = { campaignId: number; student: Student | null; pickJuniorHigh: boolean; defaultJuniorHighId?: number; onClose: () => void };

export function StudentFormDrawer({ campaignId, student, pickJuniorHigh, defaultJuniorHighId, onClose }: Props) {
  const { t, l } = useI18n(m);
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateStudent>();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const create = useCreateStudent(campaignId);
  const update = useUpdateStudent();
  const editing = !!student;
  const busy = create.isPending || update.isPending;

  const submit = (v: CreateStudent) => {
    setProblem(null);
    const onError = (e: Error) => setProblem(applyApiError(form, e, codes));
    if (student) {
      const body: Partial<CreateStudent> = { ...v };
      if (!body.idNumber) delete body.idNumber;
      if (!body.guardianPhone) delete body.guardianPhone;
      delete body.juniorHighId;
      update.mutate({ id: student.id, ...body }, { onSuccess: () => { message.success(t('saved')); onClose(); }, onError });
    } else {
      create.mutate(v, { onSuccess: () => { message.success(t('added')); onClose(); }, onError });
    }
  };

  const initial: Partial<CreateStudent> = student
    ? { name: student.name, gender: student.gender, idType: student.idType, examNo: student.examNo, className: student.className, cohort: student.cohort, hukouDistrict: student.hukouDistrict, guardianName: student.guardianName, guardianRelation: student.guardianRelation }
    : { idType: 'resident_id', cohort: 'current', gender: 'male', juniorHighId: defaultJuniorHighId, guardianRelation: '父亲' };

  return (
    <Drawer
      open
      width={Math.min(520, typeof window === 'undefined' ? 520 : window.innerWidth)}
      title={editing ? t('editTitle') : t('addTitle')}
      onClose={onClose}
      data-testid="student-form-drawer"
      extra={<Space><Button onClick={onClose}>{t('cancel')}</Button><Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="student-form-submit">{t('save')}</Button></Space>}
    >
      {problem && <ApiErrorAlert error={problem.error} extra={problem.unmatched} />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        {pickJuniorHigh && !editing && (
          <Form.Item name="juniorHighId" label={t('juniorHigh')} rules={[{ required: true, message: t('required') }]}>
            <JuniorHighSelect campaignId={campaignId} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, max: 40 }]}><Input maxLength={40} data-testid="student-name" /></Form.Item>
        <Form.Item name="gender" label={t('gender')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={[{ value: 'male', label: t('male') }, { value: 'female', label: t('female') }]} />
        </Form.Item>
        <Form.Item name="idType" label={t('idType')}>
          <Select options={idTypes.map((x) => ({ value: x, label: l(idTypeLabels[x]) }))} />
        </Form.Item>
        <Form.Item name="idNumber" label={t('idNumber')} extra={editing ? t('idHint') : undefined} rules={[{ required: !editing, whitespace: true, min: 5, max: 30 }]}>
          <Input maxLength={30} autoComplete="off" data-testid="student-id-number" />
        </Form.Item>
        <Form.Item name="examNo" label={t('examNo')} rules={[{ required: true, pattern: /^[A-Za-z0-9-]{4,20}$/ }]}><Input maxLength={20} data-testid="student-exam-no" /></Form.Item>
        <Form.Item name="className" label={t('className')}><Input maxLength={40} data-testid="student-class" /></Form.Item>
        <Form.Item name="cohort" label={t('cohort')}>
          <Radio.Group optionType="button" options={[{ value: 'current', label: t('current') }, { value: 'past', label: t('past') }]} />
        </Form.Item>
        <Form.Item name="hukouDistrict" label={t('hukou')}><Input maxLength={40} /></Form.Item>
        <Form.Item name="guardianName" label={t('guardian')} rules={[{ required: true, whitespace: true, max: 40 }]}><Input maxLength={40} data-testid="student-guardian" /></Form.Item>
        <Form.Item name="guardianRelation" label={t('guardianRelation')} rules={[{ required: true, whitespace: true, max: 20 }]}><Input maxLength={20} /></Form.Item>
        <Form.Item name="guardianPhone" label={t('phone')} extra={editing ? t('phoneHint') : undefined} rules={[{ required: !editing, pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})$/ }]}>
          <Input maxLength={14} inputMode="tel" autoComplete="off" data-testid="student-phone" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
