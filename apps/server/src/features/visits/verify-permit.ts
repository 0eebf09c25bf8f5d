/**
 * The verifier of permit codes (payload `t: 'permit'`) behind `GET /api/verify/:code`: the
 * signature has been checked (signing/codes.ts); this says whether the permit exists, was
 * signed by the district bureau whose campaign it belongs to (R19), and whether it admits its
 * holder now — valid, not yet, over, or revoked — at the business clock, in the campaign's
 * time zone. It vouches for the school, the junior high, the day and times and the staff's
 * names (no phones: the page is public).
 */
import type { AppDeps } from '../../deps';
import type { Actor } from '../../auth/policy';
import type { Verifier, VerifyResult } from '../../signing/codes';
import { loadVisit, permitNames } from './queries';
import { AppError } from '../../errors';
import { permitStatus } from './permits';

const messages = {
  valid: (jh: string) => ({ zh: `批准有效：可于批准时段进入${jh}开展招生宣传（须核对学校与人员）`, en: `Valid: admits the school's staff to ${jh} during the approved time (check the school and the names)` }),
  another_day_before: { zh: '尚未生效：批准的日期还没到', en: 'Not yet valid: the approved day has not come' },
  too_early: { zh: '尚未生效：批准的时段还没开始（可提前30分钟入校）', en: 'Not yet valid: the approved time has not begun (entry from 30 minutes before)' },
  another_day_after: { zh: '已过期：批准的日期已过', en: 'Expired: the approved day has passed' },
  ended: { zh: '已过期：批准的时段已结束', en: 'Expired: the approved time is over' },
  revoked: (reason: string | null) => ({ zh: `已吊销：区教育局已撤回该批准${reason ? `（${reason}）` : ''}，不得入校宣传`, en: `Revoked: the district bureau withdrew this approval${reason ? ` (${reason})` : ''}; no entry` }),
  cancelled: { zh: '已失效：学校已取消本次进校宣传', en: 'No longer valid: the school cancelled this visit' },
};

/**
 * `viewer`: who is looking, when signed in. A junior high's clerk who scans a permit for another
 * junior high is told so plainly (`facts.atAnotherJuniorHigh`), whatever the permit's own status.
 */
export const permitVerifier =
  (deps: AppDeps, viewer: Actor | null = null): Verifier =>
  async (db, payload, key) => {
    const unknown: VerifyResult = { kind: 'permit', status: 'unknown', message: { zh: '签名有效，但系统中找不到该批准记录', en: 'The signature is valid, but no such permit is on record' }, keyId: key.kid, facts: null };
    const id = Number(payload.id);
    if (!Number.isInteger(id) || id <= 0) return unknown;
    const l = await loadVisit(db, id).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
      throw err;
    });
    if (!l) return unknown;
    // What the code vouches for must be what the bureau approved (as for brochures: the facts, not the bytes).
    const p = payload as Record<string, unknown>;
    const matches = l.v.permitSerial !== null && p.n === l.v.permitSerial && p.s === l.school.code && p.j === l.jh.code && p.d === l.v.date && p.from === l.v.start && p.to === l.v.end;
    if (!matches) return unknown;
    // R19: only the district bureau of the visited junior high approves.
    if (key.organizationId !== l.campaign.districtId) {
      return { kind: 'permit', status: 'invalid', message: { zh: '签名密钥不属于批准该校进校的区教育局，二维码不可信', en: 'The code was not signed by the district bureau that approves visits to this junior high' }, keyId: key.kid, facts: null };
    }
    const { v } = l;
    const { status, reason } = permitStatus(v, (await deps.clock()).now, deps.config.timeZone);
    // The names as signed at issue: a school renamed since is still shown as the bureau approved it.
    const names = permitNames(l);
    const facts = {
      serial: v.permitSerial, school: names.school, schoolCode: l.school.code, juniorHigh: names.juniorHigh, juniorHighCode: l.jh.code,
      date: v.date, start: v.start, end: v.end, staff: (v.staff as Array<{ name: string }>).map((s) => s.name),
      issuer: names.issuer, issuedAt: v.approvedAt?.toISOString() ?? null,
      ...(v.status === 'revoked' ? { revokedAt: v.revokedAt?.toISOString() ?? null, revokeReason: v.revokeReason } : {}),
      ...(v.status === 'cancelled' ? { cancelled: true } : {}),
    };
    const message =
      status === 'valid' ? messages.valid(names.juniorHigh)
      : status === 'revoked' ? (v.status === 'cancelled' ? messages.cancelled : messages.revoked(v.revokeReason))
      : reason === 'too_early' ? messages.too_early
      : reason === 'ended' ? messages.ended
      : status === 'not_yet' ? messages.another_day_before
      : messages.another_day_after;
    if (viewer?.orgKind === 'junior_high' && viewer.organizationId !== v.juniorHighId) {
      const here = { zh: `注意：这不是发给本校的批准书，它只准许进入${names.juniorHigh}。`, en: `Note: this permit is not for your school; it only admits to ${names.juniorHigh}. ` };
      return { kind: 'permit', status, message: { zh: `${here.zh}${message.zh}`, en: `${here.en}${message.en}` }, keyId: key.kid, facts: { ...facts, atAnotherJuniorHigh: true } };
    }
    return { kind: 'permit', status, message, keyId: key.kid, facts };
  };
