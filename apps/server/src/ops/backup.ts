/**
 * Backup and restore of every table (ADR 0008). A backup is gzipped JSON: each table's
 * rows as PostgreSQL renders them (`json_agg`), restored with `json_populate_recordset`
 * so every value round-trips exactly on either backend. Restore replaces the content in
 * one transaction with triggers off (the audit table's guards included), then resets the
 * id sequences; the audit chain verifies afterwards as before.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../db/schema';
import { queryRows, type Db } from '../db/client';

/** Every table, parents before children; the test checks that none is missing. */
export const backupTables: PgTable[] = [
  schema.organizations,
  schema.campuses,
  schema.qualifications,
  schema.users,
  schema.sessions,
  schema.campaigns,
  schema.districtTargetChanges,
  schema.graduates,
  schema.targetVersions,
  schema.targetRows,
  schema.targetAdjustments,
  schema.majors,
  schema.plannedSeats,
  schema.alliances,
  schema.allianceMembers,
  schema.allianceRules,
  schema.brochures,
  schema.brochureEvents,
  schema.signingKeys,
  schema.protectedPeriods,
  schema.visits,
  schema.visitReports,
  schema.students,
  schema.studentTransfers,
  schema.applications,
  schema.applicationChoices,
  schema.generalListImports,
  schema.trackConflicts,
  schema.pressureReports,
  schema.guidanceSessions,
  schema.openDays,
  schema.socialRegistrations,
  schema.notifications,
  schema.earlyTransferLists,
  schema.earlyTransfers,
  schema.examPrepPlans,
  schema.loginThrottle,
  schema.rateLimits,
  schema.jobs,
  schema.scoreSets,
  schema.examScores,
  schema.admissionBatches,
  schema.admissionRuns,
  schema.admissionRunProgrammes,
  schema.admissionRunApplicants,
  schema.admissions,
  schema.admissionReturns,
  schema.solicitationChoices,
  schema.enrolments,
  schema.intakeContacts,
  schema.sendingSubmissions,
  schema.sendingRows,
  schema.importLocks,
  schema.audit,
  schema.auditHead,
  schema.auditQueue,
  schema.appSettings,
];

export type BackupFile = { format: 'zhizhao-backup'; version: 1; createdAt: string; migration: string | null; tables: Record<string, unknown[]> };

async function lastMigration(db: Db): Promise<string | null> {
  const rows = await queryRows<{ hash: string }>(db, sql`select hash from drizzle.__drizzle_migrations order by created_at desc limit 1`).catch(() => []);
  return rows[0]?.hash ?? null;
}

function orderBy(table: PgTable): string {
  const cfg = getTableConfig(table);
  const pk = cfg.columns.filter((c) => c.primary).map((c) => c.name);
  const composite = cfg.primaryKeys[0]?.columns.map((c) => c.name) ?? [];
  return [...pk, ...composite].map((c) => `t."${c}"`).join(', ') || '1';
}

export async function createBackup(db: Db): Promise<Buffer> {
  const tables: Record<string, unknown[]> = {};
  await db.transaction(async (tx) => {
    // One snapshot for all tables.
    await tx.execute(sql`set transaction isolation level repeatable read`);
    for (const table of backupTables) {
      const name = getTableConfig(table).name;
      const [row] = await queryRows<{ rows: unknown[] | string }>(tx, sql.raw(`select coalesce(json_agg(t order by ${orderBy(table)}), '[]'::json) as rows from "${name}" t`));
      tables[name] = typeof row!.rows === 'string' ? JSON.parse(row!.rows) : row!.rows;
    }
  });
  const file: BackupFile = { format: 'zhizhao-backup', version: 1, createdAt: new Date().toISOString(), migration: await lastMigration(db), tables };
  return gzipSync(Buffer.from(JSON.stringify(file)));
}

export class BackupError extends Error {}

export function readBackup(data: Buffer): BackupFile {
  let file: BackupFile;
  try {
    file = JSON.parse(gunzipSync(data).toString('utf8'));
  } catch {
    throw new BackupError('not a zhizhao backup (expected a gzipped JSON file written by `zhizhao backup`)');
  }
  if (file.format !== 'zhizhao-backup' || file.version !== 1) throw new BackupError(`unsupported backup format ${file.format} v${file.version}`);
  for (const table of backupTables) {
    const name = getTableConfig(table).name;
    if (!Array.isArray(file.tables[name])) throw new BackupError(`the backup has no table "${name}"`);
  }
  return file;
}

export async function restoreBackup(db: Db, data: Buffer): Promise<Record<string, number>> {
  const file = readBackup(data);
  const current = await lastMigration(db);
  if (file.migration && current !== file.migration) {
    throw new BackupError('the backup was made at another schema version: run `zhizhao migrate` on a matching release first');
  }
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    // Replica mode skips triggers and foreign-key checks for this transaction only.
    await tx.execute(sql`set local session_replication_role = replica`);
    const names = backupTables.map((t) => `"${getTableConfig(t).name}"`);
    await tx.execute(sql.raw(`truncate ${names.join(', ')}`));
    for (const table of backupTables) {
      const name = getTableConfig(table).name;
      const rows = file.tables[name]!;
      counts[name] = rows.length;
      for (let i = 0; i < rows.length; i += 2000) {
        const chunk = JSON.stringify(rows.slice(i, i + 2000));
        await tx.execute(sql`insert into ${sql.identifier(name)} select * from json_populate_recordset(null::${sql.identifier(name)}, ${chunk}::json)`);
      }
      for (const col of getTableConfig(table).columns) {
        if (col.columnType === 'PgSerial') {
          await tx.execute(sql.raw(`select setval(pg_get_serial_sequence('"${name}"', '${col.name}'), coalesce((select max("${col.name}") from "${name}"), 1), (select count(*) > 0 from "${name}"))`));
        }
      }
    }
  });
  return counts;
}
