/**
 * 录取通知书 (R15): a letter's content is fixed when the admission is made — the facts as signed
 * (student, school, major, campus, length, registration dates and place, fees and aid policy from
 * the school's programme, the filed brochure's number) — sealed by the enrolling school (its
 * Ed25519 signature over the content) and carried by a QR code signed by the district bureau:
 * `admission { id, h }` with h the content's digest. `/verify` answers valid, withdrawn (退档),
 * invalid (a key of someone else, altered content) or unknown.
 */
import { sign } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { canonicalJson, encodeSignedCode, maskName, payloadBytes, toBase64url, withSettingDefaults, type CampaignSettings, type SignedPayload } from '@zhizhao/domain';
import type { Db, Queryable } from '../../db/client';
import { queryRows } from '../../db/client';
import type { RequestContext } from '../../audit/write-audit';
import { activeSigningKey, type SigningKey } from '../../signing/keys';
import type { Verifier, VerifyResult } from '../../signing/codes';
import { contentDigest, sealHolds, type StoredSeal } from '../transfers/seals';

export type LetterContent = {
  document: '录取通知书';
  admissionId: number;
  campaign: { id: number; name: string; year: number };
  district: { id: number; name: string };
  student: { name: string; gender: 'male' | 'female'; examNo: string; idMasked: string; juniorHigh: string | null };
  school: { id: number; code: string; name: string };
  programme: { id: number; majorCode: string; majorName: string; campusName: string; campusAddress: string; lengthYears: number };
  batch: string | null;
  /** batch | registration (注册入学) */
  kind: 'batch' | 'registration';
  registration: { from: string; to: string; place: string };
  fees: Array<{ name: string; amount: number; unit: string }>;
  aidPolicy: string;
  brochureFilingNumber: string | null;
  issuedOn: string;
};

export type ProgrammeFacts = {
  programmeId: number; schoolId: number; schoolCode: string; schoolName: string; majorCode: string; majorName: string; campusName: string; campusAddress: string; lengthYears: number;
  fees: Array<{ name: string; amount: number; unit: string }>; aidPolicy: string; filingNumber: string | null;
};

export async function programmeFacts(db: Queryable, campaignId: number, ids: number[]): Promise<Map<number, ProgrammeFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    select ps.id, o.id as school_id, o.code as school_code, o.name as school_name, m.code as major_code, m.name as major_name, c.name as campus_name, c.address as campus_address,
      m.length_years, m.fees, m.aid_policy,
      (select b.filing_number from brochures b where b.organization_id = o.id and b.campaign_id = ${campaignId} and b.status = 'filed' order by b.version desc limit 1) as filing_number
    from planned_seats ps join majors m on m.id = ps.major_id join organizations o on o.id = m.organization_id join campuses c on c.id = m.campus_id
    where ps.campaign_id = ${campaignId} and ps.id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
  return new Map(
    rows.map((r) => [
      Number(r.id),
      {
        programmeId: Number(r.id), schoolId: Number(r.school_id), schoolCode: String(r.school_code), schoolName: String(r.school_name), majorCode: String(r.major_code), majorName: String(r.major_name),
        campusName: String(r.campus_name), campusAddress: String(r.campus_address ?? ''), lengthYears: Number(r.length_years), fees: (r.fees as ProgrammeFacts['fees']) ?? [], aidPolicy: String(r.aid_policy ?? ''),
        filingNumber: (r.filing_number as string | null) ?? null,
      },
    ]),
  );
}

export type CampaignFacts = { id: number; name: string; year: number; settings: unknown; district: { id: number; name: string } };
export type StudentFacts = { id: number; name: string; gender: string; examNo: string; idMasked: string; juniorHigh: string | null };

export async function studentFacts(db: Queryable, ids: number[]): Promise<Map<number, StudentFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: number; name: string; gender: string; exam_no: string; id_masked: string; jh: string | null }>(db, sql`
    select s.id, s.name, s.gender, s.exam_no, s.id_masked, o.name as jh from students s left join organizations o on o.id = s.junior_high_id
    where s.id in (select unnest(${sql.param(ids)}::int[]))`);
  return new Map(rows.map((r) => [Number(r.id), { id: Number(r.id), name: r.name, gender: r.gender, examNo: r.exam_no, idMasked: r.id_masked, juniorHigh: r.jh }]));
}

export function letterContent(input: { admissionId: number; campaign: CampaignFacts; student: StudentFacts; programme: ProgrammeFacts; batch: string | null; kind: 'batch' | 'registration'; issuedOn: string }): LetterContent {
  const reg = withSettingDefaults(input.campaign.settings as CampaignSettings).phases.registration;
  const p = input.programme;
  return {
    document: '录取通知书',
    admissionId: input.admissionId,
    campaign: { id: input.campaign.id, name: input.campaign.name, year: input.campaign.year },
    district: input.campaign.district,
    student: { name: input.student.name, gender: input.student.gender as 'male' | 'female', examNo: input.student.examNo, idMasked: input.student.idMasked, juniorHigh: input.student.juniorHigh },
    school: { id: p.schoolId, code: p.schoolCode, name: p.schoolName },
    programme: { id: p.programmeId, majorCode: p.majorCode, majorName: p.majorName, campusName: p.campusName, campusAddress: p.campusAddress, lengthYears: p.lengthYears },
    batch: input.batch,
    kind: input.kind,
    registration: { from: reg.from, to: reg.to, place: `${p.schoolName}${p.campusName}${p.campusAddress ? `（${p.campusAddress}）` : ''}` },
    fees: p.fees,
    aidPolicy: p.aidPolicy,
    brochureFilingNumber: p.filingNumber,
    issuedOn: input.issuedOn,
  };
}

/** The keys of a publication, read (or created) once. */
export class LetterSigner {
  private keys = new Map<number, SigningKey>();
  constructor(
    private readonly db: Db,
    private readonly rctx: RequestContext,
    private readonly secret: string | undefined,
  ) {}

  async key(organizationId: number): Promise<SigningKey> {
    let k = this.keys.get(organizationId);
    if (!k) {
      k = await this.db.transaction((tx) => activeSigningKey(tx, this.rctx, organizationId, this.secret));
      this.keys.set(organizationId, k);
    }
    return k;
  }

  /** The school's seal over the content and the district's code for the QR. */
  async sign(content: LetterContent, at: Date, by: string): Promise<{ seal: StoredSeal; code: string }> {
    const bytes = new TextEncoder().encode(canonicalJson(content as unknown as Record<string, unknown>));
    const school = await this.key(content.school.id);
    const seal: StoredSeal = { organizationId: school.organizationId, kid: school.kid, signature: toBase64url(new Uint8Array(sign(null, bytes, school.privateKey))), sealedAt: at.toISOString(), sealedBy: by };
    const district = await this.key(content.district.id);
    const payload = { t: 'admission', id: content.admissionId, h: contentDigest(content), k: district.kid } as SignedPayload;
    return { seal, code: encodeSignedCode(payload, new Uint8Array(sign(null, payloadBytes(payload), district.privateKey))) };
  }
}

const maskExamNo = (s: string) => (s.length <= 4 ? s : `${'*'.repeat(s.length - 4)}${s.slice(-4)}`);

export const verifyAdmissionLetter: Verifier = async (db, payload, key) => {
  const unknown: VerifyResult = { kind: 'admission', status: 'unknown', message: { zh: '签名有效，但系统中找不到该录取通知书', en: 'The signature is valid, but no such admission letter is on record' }, keyId: key.kid, facts: null };
  const id = Number(payload.id);
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) return unknown;
  const [a] = await queryRows<{ status: string; letter_content: LetterContent | null; school_seal: StoredSeal | null; return_reason: string | null; returned_at: Date | null; district_id: number }>(db, sql`
    select a.status, a.letter_content, a.school_seal, a.return_reason, a.returned_at, c.district_id from admissions a join campaigns c on c.id = a.campaign_id where a.id = ${id}`);
  if (!a || !a.letter_content) return unknown;
  if (key.organizationId !== Number(a.district_id)) {
    return { kind: 'admission', status: 'invalid', message: { zh: '签名密钥不属于该招生活动的区教育局，二维码不可信', en: 'The code was not signed by the campaign\'s district bureau' }, keyId: key.kid, facts: null };
  }
  const content = a.letter_content;
  if (payload.h !== contentDigest(content)) {
    return { kind: 'admission', status: 'invalid', message: { zh: '二维码与系统中的录取通知书内容不符，不可信', en: 'The code does not match the letter on record' }, keyId: key.kid, facts: null };
  }
  const sealValid = a.school_seal ? await sealHolds(db, a.school_seal, content) : false;
  const facts = {
    student: maskName(content.student.name), examNo: maskExamNo(content.student.examNo), school: content.school.name, major: content.programme.majorName, campus: content.programme.campusName,
    lengthYears: content.programme.lengthYears, batch: content.batch ?? (content.kind === 'registration' ? '注册入学' : null), campaign: content.campaign.name, issuedOn: content.issuedOn,
    registration: content.registration, district: content.district.name, schoolSeal: sealValid ? content.school.name : null,
  };
  if (a.status === 'returned') {
    return { kind: 'admission', status: 'withdrawn', message: { zh: `该录取已被撤销（退档${a.return_reason ? `：${a.return_reason}` : ''}），通知书作废`, en: 'This admission was withdrawn (returned): the letter is void' }, keyId: key.kid, facts };
  }
  if (!sealValid) {
    return { kind: 'admission', status: 'invalid', message: { zh: '录取学校的电子签章校验失败，通知书不可信', en: 'The enrolling school\'s seal does not hold: the letter cannot be trusted' }, keyId: key.kid, facts: null };
  }
  return { kind: 'admission', status: 'valid', message: { zh: `有效：${content.student.name ? maskName(content.student.name) : ''}已被${content.school.name}「${content.programme.majorName}」录取（${content.district.name}统一录取，学校已盖章）`, en: `Valid: admitted to ${content.school.name}, ${content.programme.majorName} (sealed by the school, signed by the district bureau)` }, keyId: key.kid, facts };
};
