/**
 * PGlite is one process's database: two processes opening the same folder lose writes
 * silently (STACK.md pitfall 1). A lock file holding the owner's pid refuses a second
 * opener with a clear error; a lock left by a dead process is taken over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class DataDirLockedError extends Error {}

/** Folders this process holds: a second opener in the same process is refused too. */
const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'zhizhao.lock');
  const content = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, content, { flag: 'wx' });
      let released = false;
      held.add(file);
      const release = () => {
        if (released) return;
        released = true;
        held.delete(file);
        try {
          const now = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number };
          if (now.pid === process.pid) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let owner: { pid?: number; host?: string; since?: string } = {};
      try {
        owner = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        /* unreadable lock: treat as stale */
      }
      const sameHost = !owner.host || owner.host === os.hostname();
      // Ours and still held, or another live process's: refuse. (Our own pid in a lock we do
      // not hold is a stale lock from an earlier process that had the same pid, as in containers.)
      const mine = owner.pid === process.pid;
      if (owner.pid && ((mine && held.has(file)) || (!mine && (!sameHost || alive(owner.pid))))) {
        throw new DataDirLockedError(
          `the data folder ${dir} is in use by process ${owner.pid}${owner.host ? ` on ${owner.host}` : ''} since ${owner.since ?? '?'}.\n` +
            `Only one process may open an embedded database. Stop that process, or point ZHIZHAO_DATA_DIR elsewhere, ` +
            `or use PostgreSQL (DATABASE_URL) to run several.`,
        );
      }
      fs.rmSync(file, { force: true }); // stale: its owner is gone
    }
  }
  throw new DataDirLockedError(`could not lock ${dir}`);
}
