/**
 * An application as the family, its junior high and the bureau see it (contract
 * `applicationView`): the current version's track and ranked choices, who entered it and
 * when, who has confirmed it, and the window. The status and who still has to confirm come
 * from the domain (applicationStatus, pendingConfirmers: R11 自愿 — final only when the
 * student and the guardian confirmed the current version).
 */
import { eq } from 'drizzle-orm';
import {
  applicationStatus, daysLeftInWindow, inApplicationWindow, maxChoicesOf, parseSignedCode, pendingConfirmers, withSettingDefaults,
  type CampaignSettings, type ConfirmationFacts, type Track,
} from '@zhizhao/domain';
import type { ApplicationView } from '@zhizhao/contracts';
import type { Queryable } from '../../db/client';
import { students } from '../../db/schema';
import { AppError } from '../../errors';
import { loadChoices, loadStudentCtx, type ApplicationRow, type ChoiceView, type StudentCtx } from './queries';

export function confirmationFacts(app: Pick<ApplicationRow, 'track' | 'version' | 'studentConfirmedVersion' | 'guardianConfirmedVersion'> | null, social: boolean): ConfirmationFacts {
  return {
    track: (app?.track ?? null) as Track | null,
    version: app?.version ?? 0,
    studentConfirmedVersion: app?.studentConfirmedVersion ?? null,
    guardianConfirmedVersion: app?.guardianConfirmedVersion ?? null,
    social,
  };
}

/** The signed code of the current version, only while that version is confirmed. */
export function currentVerifyCode(app: ApplicationRow | null, confirmed: boolean): string | null {
  if (!app?.verifyCode || !confirmed) return null;
  return parseSignedCode(app.verifyCode)?.payload.v === app.version ? app.verifyCode : null;
}

/** Pure: the view of loaded parts (the save builds it without reading again). */
export function presentApplication(ctx: Pick<StudentCtx, 'student' | 'juniorHighName'>, app: ApplicationRow | null, choices: ChoiceView[], today: string, settings: CampaignSettings): ApplicationView {
  const s = withSettingDefaults(settings);
  const social = ctx.student.kind === 'social';
  const facts = confirmationFacts(app, social);
  const status = applicationStatus(facts);
  const window = s.phases.application;
  return {
    studentId: ctx.student.id,
    campaignId: ctx.student.campaignId,
    studentName: ctx.student.name,
    examNo: ctx.student.examNo,
    juniorHighName: ctx.juniorHighName,
    social,
    track: facts.track,
    choices: facts.track === 'vocational' ? choices : [],
    acceptAdjustment: app?.acceptAdjustment ?? false,
    version: facts.version,
    status,
    enteredBy: (app?.enteredBy ?? null) as ApplicationView['enteredBy'],
    enteredAt: app?.enteredAt?.toISOString() ?? null,
    studentConfirmedAt: app && app.studentConfirmedVersion === app.version ? (app.studentConfirmedAt?.toISOString() ?? null) : null,
    guardianConfirmedAt: app && app.guardianConfirmedVersion === app.version ? (app.guardianConfirmedAt?.toISOString() ?? null) : null,
    pendingConfirmers: pendingConfirmers(facts),
    window: { from: window.from, to: window.to, open: inApplicationWindow(today, s), daysLeft: daysLeftInWindow(today, s) },
    maxChoices: maxChoicesOf(s),
    verifyCode: currentVerifyCode(app, status === 'confirmed'),
  };
}

/** A loaded student's view (reads the choices). */
export async function viewOf(db: Queryable, ctx: StudentCtx, today: string): Promise<ApplicationView> {
  const choices = ctx.app ? await loadChoices(db, ctx.app.id) : [];
  return presentApplication(ctx, ctx.app, choices, today, ctx.campaign.settings);
}

/**
 * The application of a student (undecided with no choices when nothing was saved yet).
 * `settings`: the campaign's, through withSettingDefaults. Also used by the student's detail.
 */
export async function loadApplicationView(db: Queryable, studentId: number, today: string, settings: CampaignSettings): Promise<ApplicationView> {
  const ctx = await loadStudentCtx(db, eq(students.id, studentId));
  if (!ctx) throw new AppError('NOT_FOUND', { studentId });
  const choices = ctx.app ? await loadChoices(db, ctx.app.id) : [];
  return presentApplication(ctx, ctx.app, choices, today, settings);
}
