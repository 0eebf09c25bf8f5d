/** Words the family's admission pages share (R15). */
import { defineMessages } from '../../../app/i18n';
import { familyMessages } from '../messages';

export const familyAdmissionMessages = defineMessages({
  ...familyMessages,
  title: ['录取结果', 'Admission result'],
  back: ['返回我的志愿', 'Back to my application'],
  choiceN: ['第 {n} 志愿', 'Choice {n}'],
  adjustment: ['服从调剂', 'Adjustment'],
});
