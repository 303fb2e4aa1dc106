// Minimal argument parsing: positionals and --name value / --name=value options.
export interface ParsedArgs {
  positional: string[];
  options: Map<string, string>;
}

export class UsageError extends Error {}

export function parseArgs(argv: string[], known: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (!known.includes(name)) throw new UsageError(`Unknown option --${name}`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`Option --${name} needs a value`);
    options.set(name, value);
  }
  return { positional, options };
}
