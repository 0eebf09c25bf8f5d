/** The school confirms the facts are true (R6) and submits for review (R7). */
import { useState } from 'react';
import { App, Button, Checkbox, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import type { BrochureDetail } from '../types';
import { useSubmitBrochure } from './api';

const m = defineMessages({
  confirm: ['我已核对以上必备事项（学校、地址、专业、学制、实习期、资助政策、收费项目和标准），确认真实、准确（R6）', 'I have checked the facts above (school, address, majors, length, internship, aid, fees) and confirm they are true (R6)'],
  submit: ['提交审查', 'Submit for review'],
  submitted: ['已提交，等待{reviewer}审查', 'Submitted; waiting for the {reviewer}'],
  reviewer_district_bureau: ['区教育局', 'district bureau'],
  reviewer_city_bureau: ['市教育局', 'city bureau'],
  who: ['提交后由{reviewer}审查（R7），审查期间不能修改。', 'Once submitted the {reviewer} reviews it (R7); it cannot be changed meanwhile.'],
  missing: ['必备事项缺失，暂不能提交', 'Mandatory facts are missing'],
  unsaved: ['请先保存或取消正文修改', 'Save or cancel your changes to the sections first'],
});

export function SubmitPanel({ b, editing }: { b: BrochureDetail; editing: boolean }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const [checked, setChecked] = useState(false);
  const submit = useSubmitBrochure(b.id);
  const reviewer = t(`reviewer_${b.reviewerKind}`);
  const blocked = b.missingFacts.length > 0 ? t('missing') : editing ? t('unsaved') : null;
  return (
    <div data-testid="submit-panel">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('who', { reviewer })}</Typography.Paragraph>
      <Checkbox checked={checked} onChange={(e) => setChecked(e.target.checked)} disabled={!!blocked} data-testid="confirm-facts">
        {t('confirm')}
      </Checkbox>
      {submit.isError && <ApiErrorAlert error={submit.error} style={{ marginTop: 12, marginBottom: 0 }} />}
      {blocked && <Typography.Paragraph type="danger" style={{ margin: '8px 0 0' }}>{blocked}</Typography.Paragraph>}
      <Button
        type="primary"
        block
        icon={<SendOutlined />}
        style={{ marginTop: 12 }}
        disabled={!checked || !!blocked}
        loading={submit.isPending}
        data-testid="brochure-submit"
        onClick={() => submit.mutate(undefined, { onSuccess: () => message.success(t('submitted', { reviewer })) })}
      >
        {t('submit')}
      </Button>
    </div>
  );
}
