/** Words the family's early-transfer pages share (R13): rules by name, programme states. */
import { defineMessages } from '../../../app/i18n';
import { familyMessages } from '../messages';

export const familyTransferMessages = defineMessages({
  ...familyMessages,
  title: ['提前到中职学习', 'Study early at a vocational school'],
  rule_R4: ['招生资格', 'Qualification'],
  rule_R7: ['简章备案', 'Filed brochure'],
  rule_R11: ['志愿填报', 'Application'],
  rule_R13: ['提前到中职学习', 'Early transfer'],
  rule_R14: ['汇总名单备案', 'Combined list'],
  back: ['返回我的志愿', 'Back to my application'],
  seatsLine: ['提前学习名额 {cap} 个，已占用 {held} 个，剩余 {left} 个', '{cap} early seats, {held} taken, {left} left'],
  choice: ['第 {n} 志愿', 'Choice {n}'],
  notQualified: ['学校无本年度招生资格（R4）', 'School not qualified this year (R4)'],
  notFiled: ['简章未备案（R7）', 'No filed brochure (R7)'],
  noSeats: ['名额已满', 'No seats left'],
});

/** A rule's code with its name, e.g. "R13 提前到中职学习". */
export function ruleKey(rule: string): keyof typeof familyTransferMessages | null {
  const k = `rule_${rule}`;
  return k in familyTransferMessages ? (k as keyof typeof familyTransferMessages) : null;
}
