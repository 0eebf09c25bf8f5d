import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, count, desc, eq, gt, gte, isNotNull, notInArray, type SQL } from 'drizzle-orm';
import { phasesOn, upcomingMilestones } from '@zhizhao/domain';
import { dashboardResponse, familyRoles, hasPermission, orgKinds, type OrgKind } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { audit, organizations, qualifications, users } from '../../db/schema';
import { auditScope, orgScope } from '../../auth/scope-sql';
import { campaignFor } from '../campaigns/campaigns';
import { getOrg } from '../organizations/queries';

/** Real figures for the signed-in user's scope: nothing here is a constant. */
export const dashboardRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/dashboard', { schema: { tags: ['dashboard'], summary: '工作台 Dashboard figures', response: { 200: dashboardResponse } }, config: { access: 'dashboard.read' } }, async (req) => {
      const actor = req.actor!;
      const time = await deps.clock();
      const year = Number(time.today.slice(0, 4));
      const scope = orgScope(actor);
      const org = await getOrg(deps.db, actor.organizationId);

      const byKind = await deps.db.select({ kind: organizations.kind, active: organizations.active, n: count() }).from(organizations).where(scope).groupBy(organizations.kind, organizations.active);
      const organizationsByKind = orgKinds.map((kind) => ({
        kind,
        active: Number(byKind.find((r) => r.kind === kind && r.active)?.n ?? 0),
        inactive: Number(byKind.find((r) => r.kind === kind && !r.active)?.n ?? 0),
      }));

      // Staff accounts: families' accounts (students, guardians) are the roster's, counted there.
      const userWhere = (extra?: SQL) => and(scope, eq(users.active, true), notInArray(users.role, [...familyRoles]), extra);
      const countUsers = async (extra?: SQL) =>
        Number((await deps.db.select({ n: count() }).from(users).innerJoin(organizations, eq(organizations.id, users.organizationId)).where(userWhere(extra)))[0]!.n);
      const usersFig = { active: await countUsers(), locked: await countUsers(and(isNotNull(users.lockedUntil), gt(users.lockedUntil, new Date()))), mustChangePassword: await countUsers(eq(users.mustChangePassword, true)) };

      const schoolWhere = and(scope, eq(organizations.kind, 'vocational_school'), eq(organizations.active, true));
      const [schools] = await deps.db.select({ n: count() }).from(organizations).where(schoolWhere);
      const [qualified] = await deps.db
        .select({ n: count() })
        .from(qualifications)
        .innerJoin(organizations, eq(organizations.id, qualifications.organizationId))
        .where(and(schoolWhere, eq(qualifications.year, year), eq(qualifications.qualified, true)));

      const districtId = actor.districtId ?? (await firstDistrict(deps, actor.cityId));
      const c = districtId ? await campaignFor(deps.db, districtId, year) : null;

      let auditFig = null;
      if (hasPermission(actor.role, 'audit.read')) {
        const inScope = auditScope(actor, audit.organizationId);
        const [last] = await deps.db.select({ n: count() }).from(audit).where(and(inScope, gte(audit.at, new Date(Date.now() - 86_400_000))));
        const recent = await deps.db.select().from(audit).where(inScope).orderBy(desc(audit.seq)).limit(8);
        auditFig = { last24h: Number(last!.n), recent: recent.map((a) => ({ at: a.at.toISOString(), actorUsername: a.actorUsername, action: a.action, objectType: a.objectType })) };
      }

      return {
        today: time.today,
        organization: { id: org.id, name: org.name, kind: org.kind as OrgKind },
        organizationsByKind,
        users: usersFig,
        qualifiedSchools: { year, qualified: Number(qualified!.n), total: Number(schools!.n) },
        campaign: c && {
          id: c.id, year: c.year, name: c.name, nDistrict: c.settings.nDistrict, nTotal: c.settings.nTotal,
          phasesToday: phasesOn(time.today, c.settings), milestones: upcomingMilestones(time.today, c.settings),
        },
        audit: auditFig,
      };
    });
  };

/** A city user sees the first district's campaign on the dashboard (the city page lists all). */
async function firstDistrict(deps: AppDeps, cityId: number | null): Promise<number | null> {
  const [d] = await deps.db.select({ id: organizations.id }).from(organizations).where(and(eq(organizations.kind, 'district_bureau'), eq(organizations.active, true), cityId ? eq(organizations.cityId, cityId) : undefined)).orderBy(organizations.code).limit(1);
  return d?.id ?? null;
}
