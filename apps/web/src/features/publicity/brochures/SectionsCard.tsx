/**
 * The free sections: shown as the server returned them (sanitised), and — while the
 * school may edit — an editor opened on request. Saving sends the sections back; the
 * server sanitises them and the card shows what it stored.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Space } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { applyApiError, type FormProblem } from '../../../lib/forms';
import { SectionsView } from '../shared/SectionsView';
import type { BrochureDetail, BrochureSection } from '../types';
import { useUpdateBrochure } from './api';
import { HtmlTextArea } from './HtmlTextArea';

const m = defineMessages({
  title: ['简章正文', 'Sections'],
  edit: ['编辑正文', 'Edit the sections'],
  add: ['添加一节', 'Add a section'],
  sectionTitle: ['标题', 'Title'],
  content: ['内容', 'Content'],
  newTitle: ['新的一节', 'New section'],
  empty: ['还没有正文。可以添加学校简介、招生对象、报名方式等。', 'No section yet. Add the school’s introduction, who may apply, how to apply…'],
  savedSections: ['正文已保存', 'Sections saved'],
  remove: ['删除', 'Remove'],
  comment: ['审查意见：', 'Reviewer’s comment: '],
  up: ['上移', 'Move up'],
  down: ['下移', 'Move down'],
});

type Values = { sections: BrochureSection[] };
const newKey = () => `s${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

export function SectionsCard({ b, changed, editing, onEditing }: { b: BrochureDetail; changed?: readonly string[]; editing: boolean; onEditing: (v: boolean) => void }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const canEdit = b.actions.includes('edit');
  const [form] = Form.useForm<Values>();
  const update = useUpdateBrochure(b.id);
  const [problem, setProblem] = useState<FormProblem | null>(null);

  const save = (v: Values) => {
    setProblem(null);
    update.mutate({ sections: v.sections ?? [] }, {
      onSuccess: () => { message.success(t('savedSections')); onEditing(false); },
      onError: (e) => setProblem(applyApiError(form, e)),
    });
  };

  const extra = canEdit && !editing && <Button icon={<EditOutlined />} onClick={() => { form.setFieldsValue({ sections: b.sections }); onEditing(true); }} data-testid="sections-edit">{t('edit')}</Button>;
  return (
    <Card size="small" title={t('title')} extra={extra} style={{ marginBottom: 16 }}>
      {!editing ? (
        b.sections.length ? <SectionsView sections={b.sections} comments={b.comments} changed={changed} /> : <Empty description={t('empty')} />
      ) : (
        <Form form={form} layout="vertical" initialValues={{ sections: b.sections }} onFinish={save} disabled={update.isPending} data-testid="sections-form">
          {problem && <ApiErrorAlert error={problem.error} extra={problem.unmatched} />}
          <Form.List name="sections">
            {(fields, { add, remove, move }) => (
              <>
                {fields.map((f, i) => {
                  const key = form.getFieldValue(['sections', f.name, 'key']) as string;
                  const notes = b.comments.filter((c) => c.sectionKey === key);
                  return (
                    <Card key={f.key} size="small" type="inner" style={{ marginBottom: 12 }}
                      title={
                        <Form.Item name={[f.name, 'title']} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 60 }]} style={{ margin: 0 }}>
                          <Input placeholder={t('sectionTitle')} maxLength={60} variant="borderless" style={{ fontWeight: 600, paddingInline: 0 }} data-testid={`section-title-${i}`} />
                        </Form.Item>
                      }
                      extra={
                        <Space size={0}>
                          <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t('up')} />
                          <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} aria-label={t('down')} />
                          <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('remove')} />
                        </Space>
                      }
                    >
                      {notes.map((c, j) => <Alert key={j} type="warning" showIcon title={`${t('comment')}${c.comment}`} style={{ marginBottom: 8 }} />)}
                      <Form.Item name={[f.name, 'key']} hidden><Input /></Form.Item>
                      <Form.Item name={[f.name, 'html']} style={{ marginBottom: 0 }}>
                        <HtmlTextArea testId={`section-html-${i}`} />
                      </Form.Item>
                    </Card>
                  );
                })}
                <Button type="dashed" block icon={<PlusOutlined />} disabled={fields.length >= 30} onClick={() => add({ key: newKey(), title: t('newTitle'), html: '' })} style={{ marginBottom: 12 }}>
                  {t('add')}
                </Button>
              </>
            )}
          </Form.List>
          <Flex justify="end" gap={8}>
            <Button onClick={() => { setProblem(null); onEditing(false); }}>{t('cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="sections-save">{t('save')}</Button>
          </Flex>
        </Form>
      )}
    </Card>
  );
}
