/**
 * `npx zhizhao <command> [...]` — one entry, one module per command.
 * Each command module exports `run(args): Promise<number>` (the exit code) and
 * writes its errors to stderr; nothing here knows a command's options.
 */
type Command = { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<number> }> };

const commands: Record<string, Command> = {
  migrate: { summary: 'apply database migrations', load: () => import('./commands/migrate') },
  seed: { summary: 'seed --demo: load the demo district (idempotent)', load: () => import('./commands/seed') },
  user: { summary: 'user create --username U --org ORG_CODE --role ROLE [--password P]', load: () => import('./commands/user') },
  audit: { summary: 'audit verify: check the audit hash chain', load: () => import('./commands/audit') },
  backup: { summary: 'backup FILE: write every table to FILE', load: () => import('./commands/backup') },
  restore: { summary: 'restore FILE: replace the database content with FILE', load: () => import('./commands/restore') },
  targets: { summary: 'targets allocate --total N --schools FILE.csv [--method hamilton|webster] [--out FILE.csv]', load: () => import('./commands/targets') },
  admit: { summary: 'admit --programs P.csv --applicants A.csv --out R.csv [...]', load: () => import('./commands/admit') },
  admission: { summary: 'admission runs [--json] | admission export --run ID --dir D', load: () => import('./commands/admission') },
};

export function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`);
  return `usage: zhizhao <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`zhizhao: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  const mod = await command.load();
  return mod.run(rest);
}
