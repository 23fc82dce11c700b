/** What `npm run stats` was asked to do. */
export interface StatsArgs {
  json: boolean;
  history: boolean;
  check: boolean;
  fixTotals: boolean;
  cache: boolean;
  workers: number | undefined;
  help: boolean;
  paths: string[];
}

/** The usage text, printed by `--help` and after a bad argument. */
export const USAGE = `Usage: npm run stats -- [--json [--history]] [--check] [--fix-totals] [--no-cache] [--workers N] [PATH...]

Count progress in curriculum markdown: tasks ([ ] [x] [/] [-]) and status-table rows.

  PATH          a folder (searched recursively for *.md, *.mdx) or a markdown file; default: content/
  --json        print the report as JSON on stdout and nothing else there
  --history     with --json: add "history", progress over time from the git
                history of the repository that contains PATH (one PATH only)
  --check       print every warning and error as path:line:col message [rule]
  --fix-totals  rewrite hand-written progress figures (Progress: 3/10) that disagree
                with the count to the counted ones, in place; nothing else changes
  --no-cache    ignore and do not update the cache in node_modules/.cache/
  --workers N   parse with N threads (default: one per core)
  -h, --help    show this text

Exit status: 0 success, 1 some file has an error (its counts may be wrong), 2 bad arguments.`;

/** A command-line mistake; the CLI prints it with the usage and exits 2. */
export class ArgumentError extends Error {}

/**
 * Parse the arguments after `npm run stats --`.
 * @throws ArgumentError for an unknown flag or a missing or bad value
 */
export function parseArgs(argv: string[]): StatsArgs {
  const args: StatsArgs = { json: false, history: false, check: false, fixTotals: false, cache: true, workers: undefined, help: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') args.json = true;
    else if (arg === '--history') args.history = true;
    else if (arg === '--check') args.check = true;
    else if (arg === '--fix-totals') args.fixTotals = true;
    else if (arg === '--no-cache') args.cache = false;
    else if (arg === '-h' || arg === '--help') args.help = true;
    else if (arg === '--workers' || arg.startsWith('--workers=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (value === undefined || !/^[1-9]\d*$/.test(value)) {
        throw new ArgumentError(`Unexpected value for --workers: ${value ?? '(none)'}, expected a whole number of threads ≥ 1`);
      }
      args.workers = Number(value);
    } else if (arg === '--') continue;
    else if (arg.startsWith('-') && arg !== '-') throw new ArgumentError(`Unexpected option ${arg}`);
    else args.paths.push(arg);
  }
  if (args.paths.length === 0) args.paths.push('content');
  if (args.history && !args.json) throw new ArgumentError('Unexpected --history without --json, expected both (history is part of the JSON report)');
  if (args.fixTotals && (args.json || args.check)) throw new ArgumentError('Unexpected --fix-totals with --json or --check, expected it alone (it edits files)');
  if (args.history && args.paths.length > 1) throw new ArgumentError(`Unexpected ${args.paths.length} paths with --history, expected one folder or file`);
  return args;
}
