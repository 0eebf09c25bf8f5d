import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { checkPassword } from '@zhizhao/domain';
import { roleOrgKinds, roles, type Role } from '@zhizhao/contracts';
import { organizations, users } from '@zhizhao/server/db/schema';
import { hashPassword } from '@zhizhao/server/auth/passwords';
import { writeAudit } from '@zhizhao/server/audit/write-audit';
import { parseArgs, requireString, runCommand, UsageError } from '../lib/args';
import { cliContext, withDatabase } from '../lib/database';

const usage = 'zhizhao user create --username NAME --org CODE --role ROLE [--display-name TEXT] [--password P] [--create-city "市教育局名称"]';

/** Creates an account from the shell: the first city admin of a new installation, or a rescue. */
export async function run(args: string[]): Promise<number> {
  return runCommand('user', usage, async () => {
    const parsed = parseArgs(args, { username: 'string', org: 'string', role: 'string', 'display-name': 'string', password: 'string', 'create-city': 'string' });
    if (parsed.positionals[0] !== 'create' || parsed.positionals.length > 1) throw new UsageError('the user command has one subcommand: create');
    const username = requireString(parsed, 'username').toLowerCase();
    if (!/^[a-z0-9][a-z0-9._-]{2,31}$/.test(username)) throw new UsageError('--username: 3–32 lower-case letters, digits, dot, _ or -');
    const orgCode = requireString(parsed, 'org');
    const role = requireString(parsed, 'role') as Role;
    if (!roles.includes(role)) throw new UsageError(`--role must be one of ${roles.join(', ')}`);
    const given = parsed.options.password as string | undefined;
    const password = given ?? `${randomBytes(9).toString('base64url')}-Zz`;
    const problems = checkPassword(password, username);
    if (problems.length) throw new UsageError(`--password breaks the password policy: ${problems.join(', ')}`);
    const createCity = parsed.options['create-city'] as string | undefined;

    return withDatabase(async (db) => {
      const passwordHash = await hashPassword(password);
      await db.db.transaction(async (tx) => {
        let [org] = await tx.select().from(organizations).where(eq(organizations.code, orgCode));
        if (!org && createCity) {
          [org] = await tx.insert(organizations).values({ code: orgCode, name: createCity, kind: 'city_bureau' }).returning();
          await writeAudit(tx, cliContext, { action: 'org.create', objectType: 'organization', objectId: org!.id, changes: { created: { code: orgCode, name: createCity, kind: 'city_bureau' }, source: 'cli' }, organizationId: org!.id });
        }
        if (!org) throw new UsageError(`no organisation with code ${orgCode} (add --create-city NAME to create the city bureau)`);
        if (!roleOrgKinds[role].includes(org.kind as never)) throw new UsageError(`role ${role} does not fit a ${org.kind}`);
        const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
        if (taken) throw new UsageError(`username ${username} is taken`);
        const displayName = (parsed.options['display-name'] as string | undefined) ?? username;
        const [row] = await tx.insert(users).values({ username, displayName, role, organizationId: org.id, passwordHash, mustChangePassword: true }).returning();
        await writeAudit(tx, cliContext, { action: 'user.create', objectType: 'user', objectId: row!.id, changes: { username, role, organizationId: org.id, source: 'cli' }, organizationId: org.id });
      });
      process.stdout.write(`account ${username} created (${role} at ${orgCode}); it must change its password at first sign-in\n`);
      if (!given) process.stdout.write(`initial password: ${password}\n`);
      return 0;
    });
  });
}
