/**
 * After admission (issue 12: R16, R17, R18): the intake with registration, no-shows, contacts and
 * care; the sending statistics with submission, acknowledgement and disputes; the funnel against
 * the targets. Thin routes: validate with the contract, call one use case (which authorizes per
 * object, auth/enrolment-policy.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ackStatisticsBody, answerDisputeBody, campaignQuery, careRecord, cityFunnel, contactBody, contactList, funnel, intakeLookupQuery, intakePage, intakeQuery, intakeRow, MAX_ID,
  noShowBody, registerBody, sendingStatistics, statisticsQuery, studentParam, submitStatisticsBody, withdrawNoShowBody,
} from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { attachment, XLSX_TYPE } from '../../files/upload';
import { allIntake, listIntake } from './intake';
import { addContact, listContacts, lookupLetter, recordNoShow, register, registerMany, saveCare, withdrawNoShow } from './actions';
import { acknowledgeStatistics, answerDispute, sendingStatistics as statisticsOfActor, submitStatistics } from './statistics';
import { cityFunnel as cityFunnelOf, funnelFor } from './funnel';
import { funnelWorkbook, intakeWorkbook, statisticsWorkbook } from './workbooks';

const tags = ['enrolment'];
const read = { access: 'enrolment.read' } as const;
const school = { access: 'enrolment.register' } as const;
const stats = { access: 'statistics.read' } as const;
const registerManyBody = z.object({ studentIds: z.array(z.number().int().positive().max(MAX_ID)).min(1).max(500), campusId: z.number().int().positive().max(MAX_ID).optional() });
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const enrolmentRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // ------------------------------------------------------------ the intake (报到, 外流, 新生关爱)
    app.get('/api/enrolment/intake', { schema: { tags, summary: '新生报到与外流跟踪 Intake', querystring: intakeQuery, response: { 200: intakePage } }, config: read }, async (req) => listIntake(deps, req.actor!, req.query));
    app.get('/api/enrolment/intake.xlsx', { schema: { tags, summary: '新生报到名单 Excel', querystring: intakeQuery.omit({ page: true, pageSize: true }) }, config: read }, async (req, reply) => {
      const { campaign, rows } = await allIntake(deps, req.actor!, req.query);
      const file = await intakeWorkbook(rows);
      reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment(`${campaign.name}-新生报到.xlsx`)).header('cache-control', 'no-store');
      return file;
    });
    app.get('/api/enrolment/lookup', { schema: { tags, summary: '扫描录取通知书 Look up a letter', querystring: intakeLookupQuery, response: { 200: intakeRow } }, config: school }, async (req) => lookupLetter(deps, req.actor!, req.query.letterCode));
    app.post('/api/enrolment/register', { schema: { tags, summary: '报到登记 Register', body: registerBody, response: { 200: intakeRow } }, config: school }, async (req) => register(deps, req.ctx, req.body));
    app.post('/api/enrolment/register-many', { schema: { tags, summary: '批量报到（如提前到中职学习名单）Register several', body: registerManyBody, response: { 200: z.object({ registered: z.number() }) } }, config: school }, async (req) =>
      registerMany(deps, req.ctx, req.body),
    );
    app.post('/api/enrolment/students/:studentId/no-show', { schema: { tags, summary: '登记未报到原因 Record a no-show', params: studentParam, body: noShowBody, response: { 200: intakeRow } }, config: read }, async (req) =>
      recordNoShow(deps, req.ctx, req.params.studentId, req.body),
    );
    app.post('/api/enrolment/students/:studentId/no-show/withdraw', { schema: { tags, summary: '撤销未报到登记 Withdraw a no-show', params: studentParam, body: withdrawNoShowBody, response: { 200: intakeRow } }, config: read }, async (req) =>
      withdrawNoShow(deps, req.ctx, req.params.studentId, req.body),
    );
    app.get('/api/enrolment/students/:studentId/contacts', { schema: { tags, summary: '联系记录 Contacts', params: studentParam, response: { 200: contactList } }, config: read }, async (req) => listContacts(deps, req.actor!, req.params.studentId));
    app.post('/api/enrolment/students/:studentId/contacts', { schema: { tags, summary: '记录一次联系 Log a contact', params: studentParam, body: contactBody, response: { 200: contactList } }, config: read }, async (req) =>
      addContact(deps, req.ctx, req.params.studentId, req.body),
    );
    app.put('/api/enrolment/students/:studentId/care', { schema: { tags, summary: '编班、班主任与资助 Care', params: studentParam, body: careRecord, response: { 200: intakeRow } }, config: school }, async (req) =>
      saveCare(deps, req.ctx, req.params.studentId, req.body),
    );

    // ------------------------------------------------------------ 送培统计 (R18)
    app.get('/api/statistics/sending', { schema: { tags, summary: '送培统计 Sending statistics', querystring: statisticsQuery, response: { 200: sendingStatistics } }, config: stats }, async (req) => statisticsOfActor(deps, req.actor!, req.query));
    app.get('/api/statistics/sending.xlsx', { schema: { tags, summary: '送培统计 Excel', querystring: statisticsQuery }, config: stats }, async (req, reply) => {
      const s = await statisticsOfActor(deps, req.actor!, req.query);
      reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment(`送培统计-${s.today}.xlsx`)).header('cache-control', 'no-store');
      return statisticsWorkbook(s);
    });
    app.post('/api/statistics/sending/submit', { schema: { tags, summary: '提交本校送培统计 Submit', body: submitStatisticsBody, response: { 200: sendingStatistics } }, config: { access: 'statistics.submit' } }, async (req) =>
      submitStatistics(deps, req.ctx, req.body),
    );
    app.post('/api/statistics/sending/ack', { schema: { tags, summary: '初中确认或提出异议 Acknowledge or dispute', body: ackStatisticsBody, response: { 200: sendingStatistics } }, config: { access: 'statistics.ack' } }, async (req) =>
      acknowledgeStatistics(deps, req.ctx, req.body),
    );
    app.post('/api/statistics/sending/answer', { schema: { tags, summary: '答复初中异议 Answer a dispute', body: answerDisputeBody, response: { 200: sendingStatistics } }, config: { access: 'statistics.submit' } }, async (req) =>
      answerDispute(deps, req.ctx, req.body),
    );

    // ------------------------------------------------------------ against the targets
    app.get('/api/statistics/funnel', { schema: { tags, summary: '目标完成情况 Funnel against the targets', querystring: campaignQuery, response: { 200: funnel } }, config: stats }, async (req) => funnelFor(deps, req.actor!, req.query.campaignId));
    app.get('/api/statistics/funnel.xlsx', { schema: { tags, summary: '目标完成情况 Excel', querystring: campaignQuery }, config: stats }, async (req, reply) => {
      const f = await funnelFor(deps, req.actor!, req.query.campaignId);
      reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment(`目标完成情况-${f.district.districtName}.xlsx`)).header('cache-control', 'no-store');
      return funnelWorkbook(f);
    });
    app.get('/api/statistics/city', { schema: { tags, summary: '各区目标完成情况（市教育局）Districts side by side', querystring: yearQuery, response: { 200: cityFunnel } }, config: stats }, async (req) => cityFunnelOf(deps, req.actor!, req.query.year));
  };
