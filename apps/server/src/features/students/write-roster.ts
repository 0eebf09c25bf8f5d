/**
 * Bulk writes of the roster: new students with their two accounts (student, guardian), and
 * updates of existing ones. Rows are built in JS and sent as arrays to one
 * `INSERT … SELECT FROM unnest(…)` per batch (STACK.md: a JS array inside `sql` expands to one
 * parameter per element; `sql.param(array)` sends one). Secrets are random and stored as a keyed
 * hash (`hmac$`, pii/crypto.ts) plus an encrypted copy for reprinting slips: microseconds per
 * row, never an argon2 hash per student. The caller checks scope and uniqueness first and
 * writes the audit event.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { queryRows } from '../../db/client';
import type { Pii } from '../../pii/crypto';
import { generateGuardianCode, generateInitialPassword } from '../../pii/crypto';
import { guardianUsername, sealId, sealPhone, studentUsername, type StudentInput } from './fields';

const BATCH = 10_000;

/** A checked row: the ID number already normalized by checkIdentity, the exam number by normalizeExamNo. */
export type NewStudent = StudentInput & { juniorHighId: number; /** idHashOf(idType, idNumber) when the caller has it already (the import). */ idHash?: string };

export type CreatedStudent = { id: number; examNo: string; userId: number; guardianUserId: number; initialPassword: string; guardianCode: string };

function batches<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

const p = (values: unknown[]) => sql.param(values);

type Account = { username: string; displayName: string; passwordHash: string; role: 'student' | 'guardian'; organizationId: number };

/** Both accounts of every student in one statement per batch; returns the ids by username. */
async function insertUsers(tx: Tx, rows: Account[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const b of batches(rows)) {
    const out = await queryRows<{ id: number; username: string }>(
      tx,
      sql`insert into users (username, display_name, password_hash, role, organization_id, must_change_password)
          select u, d, h, r, o, r = 'student'
          from unnest(${p(b.map((x) => x.username))}::text[], ${p(b.map((x) => x.displayName))}::text[], ${p(b.map((x) => x.passwordHash))}::text[],
            ${p(b.map((x) => x.role))}::text[], ${p(b.map((x) => x.organizationId))}::int[]) as t(u, d, h, r, o)
          returning id, username`,
    );
    for (const r of out) ids.set(r.username, Number(r.id));
  }
  return ids;
}

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Inserts new grade-9 students of one campaign with their accounts; returns their secrets (for slips and tests). */
export async function insertStudents(tx: Tx, pii: Pii, campaignId: number, rows: NewStudent[]): Promise<CreatedStudent[]> {
  if (!rows.length) return [];
  const secrets = rows.map(() => ({ password: generateInitialPassword(), code: generateGuardianCode() }));
  const accounts = rows.flatMap((r, i): Account[] => [
    { username: studentUsername(r.examNo), displayName: r.name, passwordHash: pii.secretHash(secrets[i]!.password), role: 'student', organizationId: r.juniorHighId },
    { username: guardianUsername(r.examNo), displayName: r.guardianName, passwordHash: pii.secretHash(secrets[i]!.code), role: 'guardian', organizationId: r.juniorHighId },
  ]);
  // PostgreSQL writes the accounts while this process seals the personal data (AES-GCM, keyed
  // hashes) in slices, giving the driver its turn between them: the two overlap on two cores.
  const accountIds = insertUsers(tx, accounts);
  // Its failure (a unique violation) is thrown below at the await; until then it must not count as unhandled.
  accountIds.catch(() => {});
  const sealed: Array<{ r: NewStudent; s: (typeof secrets)[number]; id: ReturnType<typeof sealId>; phone: ReturnType<typeof sealPhone>; pw: string; code: string }> = [];
  for (let i = 0; i < rows.length; i++) {
    if (i % 1000 === 0) await yieldToIo();
    const r = rows[i]!;
    const s = secrets[i]!;
    sealed.push({ r, s, id: sealId(pii, r.idType, r.idNumber, r.idHash), phone: sealPhone(pii, r.guardianPhone), pw: pii.encrypt(s.password), code: pii.encrypt(s.code) });
  }
  const ids = await accountIds;
  const created: CreatedStudent[] = [];
  for (const b of batches(sealed)) {
    const col = <T>(f: (x: (typeof sealed)[number]) => T) => p(b.map(f));
    const out = await queryRows<{ id: number; exam_no: string }>(
      tx,
      sql`insert into students (campaign_id, kind, junior_high_id, name, gender, id_type, id_cipher, id_hash, id_masked, exam_no, class_name, cohort, hukou_district,
            guardian_name, guardian_relation, phone_cipher, phone_hash, phone_masked, user_id, guardian_user_id, initial_password_cipher, guardian_code_cipher)
          select ${campaignId}, 'grade9', t.* from unnest(
            ${col((x) => x.r.juniorHighId)}::int[], ${col((x) => x.r.name)}::text[], ${col((x) => x.r.gender)}::text[], ${col((x) => x.r.idType)}::text[],
            ${col((x) => x.id.idCipher)}::text[], ${col((x) => x.id.idHash)}::text[], ${col((x) => x.id.idMasked)}::text[], ${col((x) => x.r.examNo)}::text[],
            ${col((x) => x.r.className)}::text[], ${col((x) => x.r.cohort)}::text[], ${col((x) => x.r.hukouDistrict)}::text[], ${col((x) => x.r.guardianName)}::text[],
            ${col((x) => x.r.guardianRelation)}::text[], ${col((x) => x.phone.phoneCipher)}::text[], ${col((x) => x.phone.phoneHash)}::text[], ${col((x) => x.phone.phoneMasked)}::text[],
            ${col((x) => ids.get(studentUsername(x.r.examNo))!)}::int[], ${col((x) => ids.get(guardianUsername(x.r.examNo))!)}::int[],
            ${col((x) => x.pw)}::text[], ${col((x) => x.code)}::text[]
          ) as t
          returning id, exam_no`,
    );
    const byExam = new Map(out.map((o) => [o.exam_no, Number(o.id)]));
    for (const x of b) {
      created.push({
        id: byExam.get(x.r.examNo)!, examNo: x.r.examNo, initialPassword: x.s.password, guardianCode: x.s.code,
        userId: ids.get(studentUsername(x.r.examNo))!, guardianUserId: ids.get(guardianUsername(x.r.examNo))!,
      });
    }
  }
  return created;
}

/** An existing student's new field values (all of them; the personal ones re-sealed only when they changed). */
export type StudentUpdate = { id: number; input: StudentInput; idChanged: boolean; phoneChanged: boolean };

/** Updates existing students in bulk (the import's upsert): fields, and the personal data only where it changed. */
export async function updateStudents(tx: Tx, pii: Pii, rows: StudentUpdate[]): Promise<void> {
  for (const b of batches(rows)) {
    const sealed = b.map((u) => ({ u, id: u.idChanged ? sealId(pii, u.input.idType, u.input.idNumber) : null, phone: u.phoneChanged ? sealPhone(pii, u.input.guardianPhone) : null }));
    const col = <T>(f: (x: (typeof sealed)[number]) => T) => p(sealed.map(f));
    await tx.execute(sql`update students s set
        name = v.name, gender = v.gender, id_type = v.id_type, class_name = v.class_name, cohort = v.cohort, hukou_district = v.hukou_district,
        guardian_name = v.guardian_name, guardian_relation = v.guardian_relation,
        id_cipher = coalesce(v.id_cipher, s.id_cipher), id_hash = coalesce(v.id_hash, s.id_hash), id_masked = coalesce(v.id_masked, s.id_masked),
        phone_cipher = coalesce(v.phone_cipher, s.phone_cipher), phone_hash = coalesce(v.phone_hash, s.phone_hash), phone_masked = coalesce(v.phone_masked, s.phone_masked),
        updated_at = now()
      from unnest(
        ${col((x) => x.u.id)}::int[], ${col((x) => x.u.input.name)}::text[], ${col((x) => x.u.input.gender)}::text[], ${col((x) => x.u.input.idType)}::text[],
        ${col((x) => x.u.input.className)}::text[], ${col((x) => x.u.input.cohort)}::text[], ${col((x) => x.u.input.hukouDistrict)}::text[],
        ${col((x) => x.u.input.guardianName)}::text[], ${col((x) => x.u.input.guardianRelation)}::text[],
        ${col((x) => x.id?.idCipher ?? null)}::text[], ${col((x) => x.id?.idHash ?? null)}::text[], ${col((x) => x.id?.idMasked ?? null)}::text[],
        ${col((x) => x.phone?.phoneCipher ?? null)}::text[], ${col((x) => x.phone?.phoneHash ?? null)}::text[], ${col((x) => x.phone?.phoneMasked ?? null)}::text[]
      ) as v(id, name, gender, id_type, class_name, cohort, hukou_district, guardian_name, guardian_relation, id_cipher, id_hash, id_masked, phone_cipher, phone_hash, phone_masked)
      where s.id = v.id`);
    // The accounts carry the names shown when signed in.
    await tx.execute(sql`update users u set display_name = v.name from unnest(${col((x) => x.u.id)}::int[], ${col((x) => x.u.input.name)}::text[]) as v(id, name)
      join students s on s.id = v.id where u.id = s.user_id and u.display_name <> v.name`);
  }
}
