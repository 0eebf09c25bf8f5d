/**
 * Test support for the live picture, the duplicate check and social applicants: applications
 * written straight into `applications` / `application_choices` (the states the live picture
 * counts), students from the roster factory (support-students.ts), an Excel builder. The
 * authorization matrix's rows for these routes are in authz-applications.ts.
 */
import ExcelJS from 'exceljs';
import { and, asc, eq } from 'drizzle-orm';
import { applicationChoices, applications, campaigns, majors, organizations, plannedSeats } from '../src/db/schema';
import type { TestEnv } from './harness';

export type AppState = {
  track: 'vocational' | 'general' | null;
  confirmed?: boolean;
  enteredBy?: 'student' | 'guardian' | 'staff';
  programmeIds?: number[];
  changesAfterStaff?: number;
};

/** Writes a student's application in the given state (version 1; confirmed by both or by nobody). */
export async function setApplication(env: TestEnv, student: { id: number; campaignId: number }, s: AppState): Promise<number> {
  const db = env.database.db;
  const confirmed = s.track !== null && (s.confirmed ?? true);
  const values = {
    campaignId: student.campaignId, studentId: student.id, track: s.track, version: 1, acceptAdjustment: false,
    enteredBy: s.enteredBy ?? 'student', enteredAt: new Date(),
    studentConfirmedVersion: confirmed ? 1 : null, studentConfirmedAt: confirmed ? new Date() : null,
    guardianConfirmedVersion: confirmed ? 1 : null, guardianConfirmedAt: confirmed ? new Date() : null,
    status: s.track === null ? 'undecided' : confirmed ? 'confirmed' : 'draft',
    staffEntries: s.enteredBy === 'staff' ? 1 : 0, changesAfterStaff: s.changesAfterStaff ?? 0,
  };
  const [a] = await db.insert(applications).values(values).onConflictDoUpdate({ target: applications.studentId, set: values }).returning({ id: applications.id });
  await db.delete(applicationChoices).where(eq(applicationChoices.applicationId, a!.id));
  const ids = s.programmeIds ?? [];
  if (ids.length) await db.insert(applicationChoices).values(ids.map((programmeId, i) => ({ applicationId: a!.id, rank: i + 1, programmeId })));
  return a!.id;
}

/** The programmes (planned_seats ids) of a school in a campaign, by code. */
export async function programmesOf(env: TestEnv, schoolCode: string, campaignId: number): Promise<number[]> {
  const rows = await env.database.db
    .select({ id: plannedSeats.id })
    .from(plannedSeats)
    .innerJoin(majors, eq(majors.id, plannedSeats.majorId))
    .innerJoin(organizations, eq(organizations.id, majors.organizationId))
    .where(and(eq(organizations.code, schoolCode), eq(plannedSeats.campaignId, campaignId)))
    .orderBy(asc(plannedSeats.id));
  return rows.map((r) => r.id);
}

export async function campaignYear(env: TestEnv, campaignId: number): Promise<number> {
  const [c] = await env.database.db.select({ year: campaigns.year }).from(campaigns).where(eq(campaigns.id, campaignId));
  return c!.year;
}

/** A workbook with the given header row and rows (strings stay text cells, numbers become number cells). */
export async function workbook(headers: string[], rows: Array<Array<string | number | null>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
