/**
 * 注册入学 (R5): after the exam batches are published, a vocational school admits confirmed social
 * applicants who chose one of its programmes into the seats left, first come first served per
 * programme (the programme's row is locked while a seat is counted). The admission gets its
 * letter like any other.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { registrationBody, registrationCandidates } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { queryRows } from '../../db/client';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { authorizeAsSchool } from '../../auth/admission-policy';
import type { Actor } from '../../auth/policy';
import { AppError } from '../../errors';
import { campaignById, campaignOfActor } from '../applications/bureau-campaign';
import { letterContent, LetterSigner, programmeFacts, studentFacts } from './letters';
import { admissionById, seatsLeft } from './results';

export async function registrationCandidatesOf(deps: AppDeps, actor: Actor, campaignId: number | undefined): Promise<z.infer<typeof registrationCandidates>> {
  const c = await campaignOfActor(deps, actor, campaignId);
  if (!c) throw new AppError('NOT_FOUND', { campaignId: null });
  authorizeAsSchool(actor, 'admission.register', actor.organizationId, c.district);
  const programmes = await queryRows<{ id: number; major: string; campus: string }>(deps.db, sql`
    select ps.id, m.name as major, cp.name as campus from planned_seats ps join majors m on m.id = ps.major_id join campuses cp on cp.id = m.campus_id
    where ps.campaign_id = ${c.id} and m.organization_id = ${actor.organizationId} and ps.seats > 0 order by m.code`);
  const ids = programmes.map((p) => Number(p.id));
  const left = await seatsLeft(deps.db, c.id);
  const rows = ids.length
    ? await queryRows<{ id: number; exam_no: string; name: string; category: string | null; choices: number[]; admitted: boolean }>(deps.db, sql`
      select s.id, s.exam_no, s.name, s.social_category as category, array_agg(ac.programme_id order by ac.rank) as choices,
        exists (select 1 from admissions a where a.student_id = s.id and a.status = 'admitted') as admitted
      from students s join applications ap on ap.student_id = s.id and ap.track = 'vocational' and ap.status = 'confirmed'
      join application_choices ac on ac.application_id = ap.id
      where s.campaign_id = ${c.id} and s.kind = 'social' and s.active
        and exists (select 1 from application_choices x where x.application_id = ap.id and x.programme_id in (select unnest(${sql.param(ids)}::int[])))
      group by s.id order by s.exam_no limit 500`)
    : [];
  return {
    items: rows.map((r) => ({ studentId: Number(r.id), examNo: r.exam_no, name: r.name, category: r.category, choices: (r.choices as unknown[]).map(Number), admitted: r.admitted })),
    programmes: programmes.map((p) => ({ programmeId: Number(p.id), majorName: p.major, campusName: p.campus, seatsLeft: left.get(Number(p.id)) ?? 0 })),
  };
}

export async function registerSocial(deps: AppDeps, rctx: RequestContext, body: z.infer<typeof registrationBody>) {
  const actor = rctx.actor!;
  const [s] = await queryRows<{ campaign_id: number; kind: string }>(deps.db, sql`select campaign_id, kind from students where id = ${body.studentId}`);
  if (!s) throw new AppError('NOT_FOUND', { studentId: body.studentId });
  const c = await campaignById(deps.db, Number(s.campaign_id));
  const facts = (await programmeFacts(deps.db, c.id, [body.programmeId])).get(body.programmeId);
  if (!facts) throw new AppError('NOT_FOUND', { programmeId: body.programmeId });
  authorizeAsSchool(actor, 'admission.register', facts.schoolId, c.district);
  if (s.kind !== 'social') throw new AppError('REGISTRATION_NOT_SOCIAL', { studentId: body.studentId });
  const batches = await queryRows<{ open: number; published: number }>(deps.db, sql`
    select count(*) filter (where kind = 'exam' and published_run_id is null)::int as open, count(*) filter (where published_run_id is not null)::int as published
    from admission_batches where campaign_id = ${c.id}`);
  if (!batches[0] || Number(batches[0].open) > 0 || Number(batches[0].published) === 0) throw new AppError('REGISTRATION_NOT_OPEN', {});
  const signer = new LetterSigner(deps.db, rctx, deps.config.keySecret);
  await signer.key(facts.schoolId);
  await signer.key(c.districtId);
  const today = (await deps.clock()).today;
  const id = await deps.db.transaction(async (tx) => {
    await tx.execute(sql`select id from planned_seats where id = ${body.programmeId} for update`);
    const [app] = await queryRows<{ chose: boolean }>(tx, sql`
      select exists (select 1 from application_choices ac where ac.application_id = a.id and ac.programme_id = ${body.programmeId}) as chose
      from applications a where a.student_id = ${body.studentId} and a.track = 'vocational' and a.status = 'confirmed'`);
    if (!app) throw new AppError('REGISTRATION_NOT_SOCIAL', { studentId: body.studentId, reason: '未填报并确认中职志愿' });
    if (!app.chose) throw new AppError('VALIDATION_FAILED', { programmeId: '该社会考生未填报此专业' });
    const already = await queryRows<{ id: number }>(tx, sql`select id from admissions where student_id = ${body.studentId} and status = 'admitted'`);
    if (already[0]) throw new AppError('ALREADY_ADMITTED', { admissionId: Number(already[0].id) });
    if (((await seatsLeft(tx, c.id)).get(body.programmeId) ?? 0) <= 0) throw new AppError('REGISTRATION_NO_SEATS', { programmeId: body.programmeId });
    const [{ id: newId }] = await queryRows<{ id: number }>(tx, sql`select nextval(pg_get_serial_sequence('admissions', 'id'))::int as id`);
    const student = (await studentFacts(tx, [body.studentId])).get(body.studentId)!;
    const content = letterContent({ admissionId: Number(newId), campaign: { id: c.id, name: c.name, year: c.year, settings: c.settings, district: { id: c.district.id, name: c.district.name } }, student, programme: facts, batch: null, kind: 'registration', issuedOn: today });
    const signed = await signer.sign(content, new Date(), actor.username);
    await tx.execute(sql`
      insert into admissions (id, campaign_id, student_id, kind, programme_id, school_id, status, letter_content, school_seal, letter_code, created_by)
      values (${Number(newId)}, ${c.id}, ${body.studentId}, 'registration', ${body.programmeId}, ${facts.schoolId}, 'admitted', ${JSON.stringify(content)}::jsonb, ${JSON.stringify(signed.seal)}::jsonb, ${signed.code}, ${actor.userId})`);
    await writeAudit(tx, rctx, { action: 'admission.register', objectType: 'admission', objectId: Number(newId), organizationId: facts.schoolId, changes: { studentId: body.studentId, programmeId: body.programmeId } });
    return Number(newId);
  });
  return (await admissionById(deps.db, id))!;
}
