/**
 * Public, no login (the contract other checks rely on): this year's filed brochures, a filed
 * version's page and PDF, the verification of any signed code, and the public keys for
 * offline checks. "This year" is the business clock's year (ADR 0007).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { idParam, publicBrochureDetail, publicBrochureList, publicBrochureQuery, publicKeysResponse, verifyParams, verifyResponse } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import type { Actor } from '../../auth/policy';
import { verifyCode, type VerifierRegistry } from '../../signing/codes';
import { verifyTransferForm, verifyTransferList } from '../transfers/verify';
import { listPublicKeys } from '../../signing/keys';
import { publicDetail, publicList } from './queries';
import { brochurePdf } from './brochure-pdf';
import { verifyBrochureCode } from './verify-brochure';
import { permitVerifier } from '../visits/verify-permit';
import { verifyApplicationCode } from '../applications/verify-application';
import { verifyAdmissionLetter } from '../admission/letters';

const tags = ['public'];

/** One verifier per payload type; the visits work adds `permit`. */
export const verifiers: VerifierRegistry = { brochure: verifyBrochureCode };
/** With the visits work's `permit` verifier, which reads the business clock (a permit's status depends on the time). */
export const verifiersFor = (deps: AppDeps, viewer: Actor | null = null): VerifierRegistry => ({ ...verifiers, permit: permitVerifier(deps, viewer), application: verifyApplicationCode, 'transfer-form': verifyTransferForm, 'transfer-list': verifyTransferList, admission: verifyAdmissionLetter });

export const KEYS_FORMAT =
  'code = base64url(payload) + "." + base64url(signature); payload = UTF-8 canonical JSON (keys sorted) with t (type) and k (key id); ' +
  'signature = Ed25519 over the payload bytes with the key named by k (publicKeyBase64url = the raw 32-byte key).';

export function originOf(deps: AppDeps, req: FastifyRequest): string {
  return deps.config.publicOrigin ?? `${req.protocol}://${req.host}`;
}

export const publicRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/public/brochures', { schema: { tags, summary: '本年度已备案的招生简章（公开）Filed brochures of this year', querystring: publicBrochureQuery, response: { 200: publicBrochureList } }, config: { access: 'public' } }, async (req) => {
      const year = req.query.year ?? Number((await deps.clock()).today.slice(0, 4));
      return publicList(deps.db, year, req.query);
    });
    app.get('/api/public/brochures/:id', { schema: { tags, summary: '已备案招生简章（公开）A filed brochure', params: idParam, response: { 200: publicBrochureDetail } }, config: { access: 'public' } }, async (req) =>
      publicDetail(deps.db, req.params.id),
    );
    app.get('/api/public/brochures/:id/pdf', { schema: { tags, summary: '招生简章 PDF（带备案标识和核验二维码）The PDF', params: idParam }, config: { access: 'public' } }, async (req, reply) => {
      const d = await publicDetail(deps.db, req.params.id);
      const pdf = await brochurePdf({ ...d, verifyUrl: `${originOf(deps, req)}/verify/${d.verifyCode}` });
      reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(`${d.school}${d.year}年招生简章-${d.filingNumber}.pdf`)}`)
        .header('cache-control', 'no-cache');
      return pdf;
    });
    app.get('/api/verify/:code', { schema: { tags, summary: '核验二维码（公开）Verify a signed code', params: verifyParams, response: { 200: verifyResponse } }, config: { access: 'public' } }, async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return verifyCode(deps.db, req.params.code, verifiersFor(deps, req.actor));
    });
    app.get('/api/keys', { schema: { tags, summary: '公开的签名公钥 Public keys for offline checks', response: { 200: publicKeysResponse } }, config: { access: 'public' } }, async () => ({
      keys: await listPublicKeys(deps.db),
      format: KEYS_FORMAT,
    }));
  };
