/**
 * Minimal, strict option parsing for the CLI: `--name value`, `--flag`, `--name=value`
 * and positionals. Unknown options are an error (a typo must not be silently ignored).
 */
export class UsageError extends Error {}

export type OptionSpec = Record<string, 'string' | 'boolean'>;

export type ParsedArgs = { options: Record<string, string | boolean | undefined>; positionals: string[] };

export function parseArgs(args: string[], spec: OptionSpec): ParsedArgs {
  const options: ParsedArgs['options'] = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const kind = spec[name];
    if (!kind) throw new UsageError(`unknown option --${name}`);
    if (kind === 'boolean') {
      if (eq !== -1) throw new UsageError(`option --${name} takes no value`);
      options[name] = true;
      continue;
    }
    const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined || (eq === -1 && value.startsWith('--'))) throw new UsageError(`option --${name} needs a value`);
    options[name] = value;
  }
  return { options, positionals };
}

export function requireString(parsed: ParsedArgs, name: string): string {
  const v = parsed.options[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`missing required option --${name}`);
  return v;
}

/** Runs a command body, turning UsageError into `zhizhao <cmd>: message` and exit code 2. */
export async function runCommand(name: string, usage: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`zhizhao ${name}: ${err.message}\nusage: ${usage}\n`);
      return 2;
    }
    throw err;
  }
}
