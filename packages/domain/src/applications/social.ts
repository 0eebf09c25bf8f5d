/** R5: who may apply besides this year's junior-high graduates (社会人员, 注册入学). */
export const socialCategories = ['past_junior_high', 'senior_high', 'discharged_soldier', 'rural_youth', 'migrant_worker', 'laid_off', 'unemployed', 'other'] as const;
export type SocialCategory = (typeof socialCategories)[number];
export const socialCategoryLabels: Record<SocialCategory, { zh: string; en: string }> = {
  past_junior_high: { zh: '往届初中毕业生', en: 'Past junior-high graduate' },
  senior_high: { zh: '应往届高中毕业生', en: 'Senior-high graduate' },
  discharged_soldier: { zh: '退役士兵', en: 'Discharged soldier' },
  rural_youth: { zh: '农村青年', en: 'Rural youth' },
  migrant_worker: { zh: '进城务工人员', en: 'Migrant worker' },
  laid_off: { zh: '下岗职工', en: 'Laid-off worker' },
  unemployed: { zh: '失业人员', en: 'Unemployed' },
  other: { zh: '其他', en: 'Other' },
};
export const educationLevels = ['junior_high', 'senior_high', 'vocational', 'college', 'other'] as const;
export type EducationLevel = (typeof educationLevels)[number];
export const educationLabels: Record<EducationLevel, { zh: string; en: string }> = {
  junior_high: { zh: '初中', en: 'Junior high' },
  senior_high: { zh: '普通高中', en: 'Senior high' },
  vocational: { zh: '中职', en: 'Secondary vocational' },
  college: { zh: '大专及以上', en: 'College or above' },
  other: { zh: '其他', en: 'Other' },
};
