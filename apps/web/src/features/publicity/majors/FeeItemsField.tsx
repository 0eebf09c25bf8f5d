/** R6: the fee items and standards of a major (name, amount, unit such as 元/学期). */
import { Button, Flex, Form, Input, InputNumber } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';

const m = defineMessages({
  item: ['收费项目（如学费）', 'Item (e.g. tuition)'],
  amount: ['金额', 'Amount'],
  unit: ['单位（如 元/学期）', 'Unit (e.g. yuan/term)'],
  add: ['添加收费项目', 'Add a fee item'],
  atLeastOne: ['至少填写一个收费项目（R6）', 'At least one fee item (R6)'],
});

export function FeeItemsField() {
  const { t } = useI18n(m);
  return (
    <Form.List name="fees" rules={[{ validator: async (_, v?: unknown[]) => { if (!v?.length) throw new Error(t('atLeastOne')); } }]}>
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((f, i) => (
            <Flex key={f.key} gap={8} align="baseline" wrap={false}>
              <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 50 }]} style={{ flex: 2, marginBottom: 8 }}>
                <Input placeholder={t('item')} maxLength={50} data-testid={`fee-name-${i}`} />
              </Form.Item>
              <Form.Item name={[f.name, 'amount']} rules={[{ required: true, message: t('required') }]} style={{ flex: 1, marginBottom: 8 }}>
                <InputNumber min={0} max={1_000_000} placeholder={t('amount')} style={{ width: '100%' }} data-testid={`fee-amount-${i}`} />
              </Form.Item>
              <Form.Item name={[f.name, 'unit']} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 20 }]} style={{ flex: 1.3, marginBottom: 8 }}>
                <Input placeholder={t('unit')} maxLength={20} />
              </Form.Item>
              <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="remove" />
            </Flex>
          ))}
          <Button type="dashed" onClick={() => add({ name: '', amount: null, unit: '元/学期' })} icon={<PlusOutlined />} block disabled={fields.length >= 20}>{t('add')}</Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}
