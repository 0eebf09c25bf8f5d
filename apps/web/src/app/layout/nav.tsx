import type { ReactNode } from 'react';
import {
  AimOutlined, ApartmentOutlined, AuditOutlined, BankOutlined, BookOutlined, CalendarOutlined, ClusterOutlined, DashboardOutlined,
  FileProtectOutlined, FileSearchOutlined, FileTextOutlined, SafetyCertificateOutlined, TeamOutlined,
  AlertOutlined, CarryOutOutlined, ScheduleOutlined, ShopOutlined,
  BarChartOutlined, BellOutlined, TrophyOutlined, NodeIndexOutlined, ContactsOutlined, DiffOutlined, FlagOutlined, IdcardOutlined, SolutionOutlined, UsergroupAddOutlined, WarningOutlined,
} from '@ant-design/icons';
import { FundProjectionScreenOutlined, LoginOutlined } from '@ant-design/icons';
import type { OrgKind, Permission } from '@zhizhao/contracts/roles';
import { defineMessages } from '../i18n';

export const navMessages = defineMessages({
  appFull: ['职招 · ZhiZhao', 'ZhiZhao 职招'],
  dashboard: ['工作台', 'Dashboard'],
  organizations: ['机构管理', 'Organisations'],
  users: ['账号管理', 'Accounts'],
  campaigns: ['招生活动设置', 'Campaign settings'],
  audit: ['审计日志', 'Audit log'],
  targets: ['送培目标', 'Sending targets'],
  cityTargets: ['各区目标', 'District targets'],
  majors: ['招生专业', 'Majors'],
  brochures: ['招生简章', 'Brochures'],
  brochureReview: ['简章审查', 'Brochure review'],
  brochureFiling: ['简章备案', 'Brochure filing'],
  qualifications: ['招生资格', 'Qualification'],
  alliances: ['联合招生', 'Joint enrollment'],
  visits: ['进校宣传', 'Campus visits'],
  visitApprovals: ['进校审批', 'Visit approval'],
  visitCalendar: ['进校日历', 'Visit calendar'],
  visitReport: ['违规上报', 'Report a violation'],
  visitReports: ['违规上报', 'Violation reports'],
  students: ['学生名册', 'Student roster'],
  applications: ['志愿进度', 'Applications'],
  cityApplications: ['各区志愿进度', 'Applications by district'],
  conflicts: ['普职查重', 'Duplicates'],
  pressure: ['压力反映', 'Pressure reports'],
  guidance: ['升学指导', 'Guidance'],
  openDays: ['开放日', 'Open days'],
  social: ['社会人员', 'Social applicants'],
  applicants: ['报名学生', 'Applicants'],
  notifications: ['通知发件箱', 'Outbox'],
  earlyTransfers: ['提前到中职', 'Early transfer'],
  admission: ['统一录取', 'Admission'],
  enrolment: ['新生报到', 'Registration'],
  statistics: ['送培统计', 'Sending statistics'],
});

/** The side menu: an entry shows only when the role holds its permission (and, where given, for those kinds of organisation). */
export const navItems: { path: string; key: keyof typeof navMessages; icon: ReactNode; permission: Permission; kinds?: readonly OrgKind[] }[] = [
  { path: '/', key: 'dashboard', icon: <DashboardOutlined />, permission: 'dashboard.read' },
  { path: '/organizations', key: 'organizations', icon: <BankOutlined />, permission: 'org.read' },
  { path: '/users', key: 'users', icon: <TeamOutlined />, permission: 'user.read' },
  { path: '/targets', key: 'targets', icon: <AimOutlined />, permission: 'targets.read', kinds: ['district_bureau', 'junior_high', 'vocational_school'] },
  { path: '/targets/city', key: 'cityTargets', icon: <ClusterOutlined />, permission: 'targets.read', kinds: ['city_bureau'] },
  { path: '/majors', key: 'majors', icon: <BookOutlined />, permission: 'major.read' },
  { path: '/brochures', key: 'brochures', icon: <FileTextOutlined />, permission: 'brochure.read' },
  { path: '/brochures/review', key: 'brochureReview', icon: <FileSearchOutlined />, permission: 'brochure.review' },
  { path: '/brochures/filing', key: 'brochureFiling', icon: <FileProtectOutlined />, permission: 'brochure.file' },
  { path: '/qualifications', key: 'qualifications', icon: <SafetyCertificateOutlined />, permission: 'qualification.write' },
  { path: '/alliances', key: 'alliances', icon: <ApartmentOutlined />, permission: 'alliance.write' },
  { path: '/visits', key: 'visits', icon: <ShopOutlined />, permission: 'visit.read', kinds: ['vocational_school', 'junior_high'] },
  { path: '/visits/approvals', key: 'visitApprovals', icon: <CarryOutOutlined />, permission: 'visit.approve' },
  { path: '/visits/calendar', key: 'visitCalendar', icon: <ScheduleOutlined />, permission: 'visit.read', kinds: ['city_bureau', 'district_bureau', 'junior_high'] },
  { path: '/visits/report', key: 'visitReport', icon: <AlertOutlined />, permission: 'visit.report' },
  { path: '/visits/reports', key: 'visitReports', icon: <AlertOutlined />, permission: 'visit.approve' },
  // Applications (issue 9): a menu entry for the roles holding the permission in the right kind of organisation.
  { path: '/students', key: 'students', icon: <IdcardOutlined />, permission: 'student.read', kinds: ['district_bureau', 'junior_high'] },
  { path: '/applications', key: 'applications', icon: <BarChartOutlined />, permission: 'application.summary', kinds: ['district_bureau', 'junior_high'] },
  { path: '/applications/city', key: 'cityApplications', icon: <BarChartOutlined />, permission: 'application.summary', kinds: ['city_bureau'] },
  { path: '/applications/conflicts', key: 'conflicts', icon: <DiffOutlined />, permission: 'application.summary', kinds: ['district_bureau', 'junior_high'] },
  { path: '/applications/pressure', key: 'pressure', icon: <WarningOutlined />, permission: 'pressure.read', kinds: ['district_bureau'] },
  { path: '/guidance', key: 'guidance', icon: <SolutionOutlined />, permission: 'application.summary', kinds: ['district_bureau', 'junior_high'] },
  { path: '/open-days', key: 'openDays', icon: <FlagOutlined />, permission: 'openday.write', kinds: ['vocational_school'] },
  { path: '/social', key: 'social', icon: <UsergroupAddOutlined />, permission: 'social.confirm', kinds: ['vocational_school', 'district_bureau'] },
  { path: '/applicants', key: 'applicants', icon: <ContactsOutlined />, permission: 'application.read', kinds: ['vocational_school'] },
  // Early transfer (issue 10: R13, R14): the schools of a pair, the bureaus and auditors.
  { path: '/early-transfers', key: 'earlyTransfers', icon: <NodeIndexOutlined />, permission: 'transfer.read' },
  // The admission round (issue 11: R15, R5): bureaus run it, schools and junior highs read their own.
  { path: '/admission', key: 'admission', icon: <TrophyOutlined />, permission: 'admission.read' },
  // After admission (issue 12: R16, R17, R18): registration and outflow, the sending statistics.
  { path: '/enrolment', key: 'enrolment', icon: <LoginOutlined />, permission: 'enrolment.read' },
  { path: '/statistics', key: 'statistics', icon: <FundProjectionScreenOutlined />, permission: 'statistics.read' },
  { path: '/notifications', key: 'notifications', icon: <BellOutlined />, permission: 'notification.read', kinds: ['district_bureau', 'city_bureau'] },
  { path: '/campaigns', key: 'campaigns', icon: <CalendarOutlined />, permission: 'campaign.read' },
  { path: '/audit', key: 'audit', icon: <AuditOutlined />, permission: 'audit.read' },
];
