import { describe, expect, it } from 'vitest';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../db/schema';
import { backupTables } from './backup';

describe('backup covers the schema', () => {
  it('lists every table of the schema exactly once, parents before children', () => {
    const all = (Object.values(schema) as unknown[]).filter((v): v is PgTable => v instanceof PgTable).map((t) => getTableConfig(t).name);
    const listed = backupTables.map((t) => getTableConfig(t).name);
    expect([...listed].sort()).toEqual([...all].sort());
    expect(new Set(listed).size).toBe(listed.length);
    // Every foreign key points at a table listed earlier (or itself).
    for (const [i, t] of backupTables.entries()) {
      for (const fk of getTableConfig(t).foreignKeys) {
        const target = getTableConfig(fk.reference().foreignTable).name;
        expect(listed.indexOf(target), `${listed[i]} → ${target}`).toBeLessThanOrEqual(i);
      }
    }
  });
});
