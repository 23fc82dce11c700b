import { ArgumentError } from './args.ts';

/** What `npm run import` was asked to do. */
export interface ImportArgs {
  file: string;
  track: string | undefined;
  title: string | undefined;
  out: string;
  dryRun: boolean;
  force: boolean;
  help: boolean;
}

/** The usage text, printed by `--help` and after a bad argument. */
export const IMPORT_USAGE = `Usage: npm run import -- FILE [--track SLUG] [--title TEXT] [--out DIR] [--dry-run] [--force]

Turn a one-file progress tracker into a track: DIR/SLUG/index.md and one phase file per division.

  FILE           the tracker (markdown, any extension; UTF-8, UTF-16 with BOM or Windows-1252)
  --track SLUG   the track's folder name, lower-case words joined by hyphens; default: from the title
  --title TEXT   the track's title; default: the file's title heading, else its name
  --out DIR      where track folders live; default: content/tracks
  --dry-run      print the plan (files, titles, weeks, items) and write nothing
  --force        overwrite files that exist and differ
  -h, --help     show this text

Exit status: 0 success (also when everything was already imported), 1 the file cannot be read or a file
would be overwritten without --force, 2 bad arguments.`;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Parse the arguments after `npm run import --`.
 * @throws ArgumentError for an unknown flag, a missing or bad value, or not exactly one FILE
 */
export function parseImportArgs(argv: string[]): ImportArgs {
  const args: ImportArgs = { file: '', track: undefined, title: undefined, out: 'content/tracks', dryRun: false, force: false, help: false };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const option = /^(--track|--title|--out)(?:=(.*))?$/s.exec(arg);
    if (option) {
      const value = option[2] ?? argv[++i];
      if (value === undefined || value.trim() === '') throw new ArgumentError(`Unexpected empty value for ${option[1]}, expected ${option[1] === '--out' ? 'a folder' : 'text'}`);
      if (option[1] === '--track') {
        if (!SLUG.test(value)) throw new ArgumentError(`Unexpected --track ${value}, expected lower-case words joined by hyphens, such as "backend-engineering"`);
        args.track = value;
      } else if (option[1] === '--title') args.title = value.trim();
      else args.out = value;
    } else if (arg === '--dry-run') args.dryRun = true;
    else if (arg === '--force') args.force = true;
    else if (arg === '-h' || arg === '--help') args.help = true;
    else if (arg === '--') continue;
    else if (arg.startsWith('-') && arg !== '-') throw new ArgumentError(`Unexpected option ${arg}`);
    else files.push(arg);
  }
  if (!args.help && files.length !== 1) {
    throw new ArgumentError(files.length === 0 ? 'Expected a FILE to import' : `Unexpected ${files.length} files, expected one FILE per import`);
  }
  args.file = files[0] ?? '';
  return args;
}
