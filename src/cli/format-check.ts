import type { Message, Report } from '../lib/types.ts';

/** One message in the form editors and CI annotators understand: `path:line:col message [rule]`. */
export function formatMessage(message: Message): string {
  return `${message.path}:${message.line}:${message.column} ${message.message} [${message.rule}]`;
}

/** Every error, then every warning, file by file, in file order. */
export function formatMessages(report: Report, { warnings }: { warnings: boolean }): string[] {
  const lines: string[] = [];
  for (const file of report.files) {
    const messages = warnings ? [...file.errors, ...file.warnings] : file.errors;
    messages.sort((a, b) => a.line - b.line || a.column - b.column);
    for (const message of messages) lines.push(formatMessage(message));
  }
  return lines;
}

/** `2 errors, 5 warnings in 3 files` — the closing line of `--check`. */
export function summarizeMessages(report: Report): string {
  const errors = report.files.reduce((n, file) => n + file.errors.length, 0);
  const warnings = report.files.reduce((n, file) => n + file.warnings.length, 0);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(report.files.length, 'file')}`;
}
