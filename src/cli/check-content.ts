import { checkContent } from '../check/run.ts';
import type { Message } from '../lib/types.ts';
import type { Io } from './stats.ts';
import { formatMessage } from './format-check.ts';

/** The usage text of `npm run check:content`. */
export const CHECK_USAGE = `Usage: npm run check:content [-- --no-cache]

Check everything in content/ and portfolio.config.yaml the way the build and
the progress engine read it, and print each problem as
path:line:col message [rule]. Errors (the site would be wrong or the build
would fail) exit 1; warnings alone exit 0. On GitHub Actions each message is
also a workflow annotation on the commit.

  --no-cache    ignore and do not update the engine's cache in node_modules/.cache/
  -h, --help    show this text`;

/** `%`, CR and LF escaped as workflow commands need; `,` and `:` too in properties. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A GitHub Actions workflow command that shows `message` on the commit's file and line. */
export function annotation(kind: 'error' | 'warning', message: Message): string {
  return `::${kind} file=${escapeProperty(message.path)},line=${message.line},col=${message.column},title=${escapeProperty(message.rule)}::${escapeData(message.message)}`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * `npm run check:content`: check the learner's content and settings.
 * @returns the exit code: 0 no errors, 1 errors, 2 bad arguments
 */
export async function runCheckContent(argv: string[], io: Io, cacheDir: string | null): Promise<number> {
  let cache = true;
  for (const arg of argv) {
    if (arg === '--no-cache') cache = false;
    else if (arg === '-h' || arg === '--help') {
      io.stdout.write(`${CHECK_USAGE}\n`);
      return 0;
    } else if (arg !== '--') {
      io.stderr.write(`check:content: Unexpected argument ${arg}\n\n${CHECK_USAGE}\n`);
      return 2;
    }
  }
  const result = await checkContent(io.cwd, { cacheDir: cache ? cacheDir : null });
  const annotate = io.env['GITHUB_ACTIONS'] === 'true';
  const lines: string[] = [];
  for (const [kind, messages] of [['error', result.errors], ['warning', result.warnings]] as const) {
    for (const message of messages) {
      lines.push(`${formatMessage(message)}${kind === 'warning' ? ' (warning)' : ''}`);
      if (annotate) lines.push(annotation(kind, message));
    }
  }
  lines.push(`${plural(result.errors.length, 'error')}, ${plural(result.warnings.length, 'warning')} in ${plural(result.files, 'content file')}`);
  io.stdout.write(`${lines.join('\n')}\n`);
  return result.errors.length > 0 ? 1 : 0;
}
