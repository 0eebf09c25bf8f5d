/**
 * The words of after admission (R16, R17), zh and en, in one place for the contracts (which build
 * the schemas from the keys), the server's workbooks and the web pages.
 */
type Label = { zh: string; en: string };

/** R16: why an admitted student did not come. `unknown` is also what the deadline gives an unexplained absence. */
export const noShowReasonLabels = {
  general_high: { zh: '就读普通高中', en: 'Went to a general high school' },
  other_city: { zh: '到外地就读', en: 'Studies in another city' },
  work: { zh: '就业或务工', en: 'Went to work' },
  repeat_exam: { zh: '复读', en: 'Repeats the exam year' },
  dropped_out: { zh: '辍学', en: 'Dropped out' },
  unknown: { zh: '原因不明', en: 'Unknown' },
} as const satisfies Record<string, Label>;
export const noShowReasons = ['general_high', 'other_city', 'work', 'repeat_exam', 'dropped_out', 'unknown'] as const satisfies ReadonlyArray<keyof typeof noShowReasonLabels>;

export const contactKindLabels = {
  call: { zh: '电话', en: 'Call' },
  visit: { zh: '家访', en: 'Home visit' },
  message: { zh: '短信/微信', en: 'Message' },
  meeting: { zh: '面谈', en: 'Meeting' },
} as const satisfies Record<string, Label>;
export const contactKinds = ['call', 'visit', 'message', 'meeting'] as const satisfies ReadonlyArray<keyof typeof contactKindLabels>;

/** Whom the contact was with: the family, or the other school (a vocational school contacts the source junior high, R17). */
export const contactPartyLabels = {
  family: { zh: '学生家庭', en: 'The family' },
  school: { zh: '对方学校', en: 'The other school' },
} as const satisfies Record<string, Label>;
export const contactParties = ['family', 'school'] as const satisfies ReadonlyArray<keyof typeof contactPartyLabels>;

/** R17: the evidence of a family's hardship (家庭经济困难). */
export const hardshipEvidenceLabels = {
  low_income: { zh: '低收入家庭证明', en: 'Low-income certificate' },
  subsistence: { zh: '最低生活保障（低保）', en: 'Minimum living allowance' },
  orphan: { zh: '孤儿或事实无人抚养', en: 'Orphan or without carer' },
  disability: { zh: '残疾证', en: 'Disability certificate' },
  poverty_alleviation: { zh: '脱贫（防返贫监测）户', en: 'Poverty-alleviation household' },
  other: { zh: '其他证明材料', en: 'Other evidence' },
} as const satisfies Record<string, Label>;
export const hardshipEvidence = ['low_income', 'subsistence', 'orphan', 'disability', 'poverty_alleviation', 'other'] as const satisfies ReadonlyArray<keyof typeof hardshipEvidenceLabels>;
