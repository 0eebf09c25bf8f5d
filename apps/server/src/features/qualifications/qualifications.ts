/**
 * R4: the provincial list of schools qualified to enroll, per year, kept by the city bureau.
 * `assertQualified` is the one check every step of an unqualified school meets (submitting a
 * brochure here; requesting a visit or receiving students later): the refusal names R4.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { organizations, qualifications } from '../../db/schema';
import { orgScope } from '../../auth/scope-sql';
import type { Actor } from '../../auth/policy';
import { AppError } from '../../errors';
import { writeWorkbook } from '../../files/excel';

export async function qualificationList(db: Queryable, actor: Actor, year: number) {
  const rows = await db
    .select({ o: organizations, q: qualifications })
    .from(organizations)
    .leftJoin(qualifications, and(eq(qualifications.organizationId, organizations.id), eq(qualifications.year, year)))
    .where(and(orgScope(actor), eq(organizations.kind, 'vocational_school')))
    .orderBy(asc(organizations.code));
  return {
    year,
    rows: rows.map(({ o, q }) => ({
      organizationId: o.id, code: o.code, name: o.name, runBy: (o.runBy ?? 'city') as 'district' | 'city', ownership: (o.ownership ?? 'public') as 'public' | 'private',
      qualified: q?.qualified ?? null, note: q?.note ?? '',
    })),
  };
}

export async function isQualified(db: Queryable, organizationId: number, year: number): Promise<boolean> {
  const [row] = await db.select().from(qualifications).where(and(eq(qualifications.organizationId, organizationId), eq(qualifications.year, year)));
  return row?.qualified === true;
}

/** R4: a school not on the year's list cannot enroll, publicise or receive students. */
export async function assertQualified(db: Queryable, school: { id: number; name: string }, year: number): Promise<void> {
  if (!(await isQualified(db, school.id, year))) throw new AppError('SCHOOL_NOT_QUALIFIED', { rule: 'R4', organizationId: school.id, school: school.name, year });
}

export const qualificationColumns = [
  { key: 'code', header: '学校代码', width: 12 },
  { key: 'name', header: '学校名称', width: 30 },
  { key: 'qualified', header: '是否具备资格', width: 14, note: '是 或 否' },
  { key: 'note', header: '文件依据', width: 40, note: '如：省教育厅公布名单文号' },
] as const;

export async function qualificationExport(db: Queryable, actor: Actor, year: number): Promise<Buffer> {
  const { rows } = await qualificationList(db, actor, year);
  return writeWorkbook([
    {
      name: `${year}年招生资格`,
      columns: [...qualificationColumns],
      rows: rows.map((r) => ({ code: r.code, name: r.name, qualified: r.qualified === null ? '' : r.qualified ? '是' : '否', note: r.note })),
      notes: [`${year} 年省级公布的具备招生资格的中职学校名单（R4）。按学校代码匹配；“是否具备资格”填 是 或 否。`, '任何一行有错误时不写入任何数据。'],
    },
  ]);
}
