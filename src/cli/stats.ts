import { readConfig } from '../config/read-config.ts';
import { readHistory } from '../lib/history/read.ts';
import { hasErrors } from '../lib/report.ts';
import { analyzePaths } from '../lib/io/run.ts';
import { MissingPathError } from '../lib/io/files.ts';
import { fixWrittenTotals } from '../lib/io/fix-totals.ts';
import { ArgumentError, parseArgs, USAGE } from './args.ts';
import { formatMessage, formatMessages, summarizeMessages } from './format-check.ts';
import { formatHuman, styleFor } from './format-human.ts';

/** Where the CLI writes; injectable so tests can capture output. */
export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/**
 * `npm run stats`: analyse the given paths and print a summary, the JSON
 * report or the check messages. Returns the exit code: 0 success, 1 when a
 * file has an error (its counts may be wrong), 2 for bad arguments.
 *
 * @param argv arguments after `--`
 * @param cacheDir where the analysis cache lives; null disables it
 */
export async function runStats(argv: string[], io: Io, cacheDir: string | null): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof ArgumentError)) throw error;
    io.stderr.write(`stats: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }

  // With --history, one thread unless told otherwise: measured as fast as two
  // on the bench history (most versions come from the cache after the first
  // run) at half the peak memory (see README, "History").
  const workers = args.workers ?? (args.history ? 1 : undefined);
  let report;
  try {
    report = await analyzePaths(args.paths, {
      cwd: io.cwd,
      cacheDir: args.cache ? cacheDir : null,
      ...(workers ? { workers } : {}),
    });
  } catch (error) {
    if (!(error instanceof MissingPathError)) throw error;
    io.stderr.write(`stats: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }

  if (args.fixTotals) {
    const fixes = fixWrittenTotals(report, io.cwd);
    for (const fix of fixes) io.stdout.write(`${fix.path}:${fix.line}:${fix.column} ${fix.before} → ${fix.after}\n`);
    io.stdout.write(`${fixes.length === 0 ? 'No written totals to update' : `Updated ${fixes.length} written total${fixes.length === 1 ? '' : 's'}`}.\n`);
    return hasErrors(report) ? 1 : 0;
  }

  // Messages go to stderr whenever stdout carries JSON.
  const messages = args.json ? io.stderr : io.stdout;
  let settingsFailed = false;
  if (args.json && args.history) {
    // History begins where the project's portfolio.config.yaml says (`history.start`), as on the site.
    const settings = readConfig(io.cwd);
    if (!settings.config) {
      io.stderr.write(`${settings.messages.map(formatMessage).join('\n')}\nstats: portfolio.config.yaml has errors, so history counts from the first commit\n`);
      settingsFailed = true;
    }
    const history = await readHistory({
      target: args.paths[0]!, report, cwd: io.cwd, cacheDir: args.cache ? cacheDir : null, workers: workers ?? 1,
      start: settings.config?.history.start ?? null,
    });
    if (history.missing) io.stderr.write(`stats: history is not available: ${history.missing}\n`);
    if (history.notice) io.stderr.write(`stats: ${history.notice}\n`);
    io.stdout.write(`${JSON.stringify({ ...report, history }, null, 2)}\n`);
  } else if (args.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (!args.check) io.stdout.write(`${formatHuman(report, styleFor(io.stdout, io.env)).join('\n')}\n`);

  if (args.check) {
    const lines = formatMessages(report, { warnings: true });
    messages.write([...lines, summarizeMessages(report)].join('\n') + '\n');
  } else {
    // Errors are never hidden, even without --check.
    const lines = formatMessages(report, { warnings: false });
    if (lines.length > 0) io.stderr.write(`${lines.join('\n')}\n`);
    if (!args.json) {
      const warnings = report.files.reduce((n, file) => n + file.warnings.length, 0);
      if (warnings > 0) io.stdout.write(`${warnings} warning${warnings === 1 ? '' : 's'}; run with --check to see them\n`);
    }
  }
  return hasErrors(report) || settingsFailed ? 1 : 0;
}
