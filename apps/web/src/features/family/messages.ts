/** Words the family pages share: statuses, tracks, who entered a change. */
import { defineMessages } from '../../app/i18n';

export const familyMessages = defineMessages({
  st_undecided: ['尚未选择升学方向', 'No track chosen yet'],
  st_draft: ['待学生和家长确认', 'Waiting for the student and the guardian to confirm'],
  st_awaiting_student: ['待学生确认', 'Waiting for the student to confirm'],
  st_awaiting_guardian: ['待家长确认', 'Waiting for the guardian to confirm'],
  st_confirmed: ['已确认', 'Confirmed'],
  tr_general: ['普通高中', 'General senior high'],
  tr_vocational: ['中职学校', 'Secondary vocational school'],
  by_student: ['学生本人', 'The student'],
  by_guardian: ['家长', 'The guardian'],
  by_staff: ['初中学校代填', 'Entered by the junior high'],
  role_student: ['学生', 'Student'],
  role_guardian: ['家长', 'Guardian'],
  run_district: ['区属', 'District-run'],
  run_city: ['市属', 'City-run'],
  cat_art: ['艺术类', 'Arts'],
  cat_general: ['非艺术类', 'General'],
  own_public: ['公办', 'Public'],
  own_private: ['民办', 'Private'],
  years: ['{n} 年制', '{n} years'],
  seats: ['计划 {n} 人', '{n} seats'],
  brochure: ['招生简章', 'Brochure'],
  details: ['详细信息', 'Details'],
  code: ['错误代码', 'Code'],
  rule: ['依据', 'Rule'],
});
