import { ArgumentError } from './args.ts';

/** What `npm run init` was asked to do. */
export interface InitArgs {
  yes: boolean;
  /** The learner's name (the config's `author.name`). */
  name: string | undefined;
  /** The portfolio's title (the config's `name`); default: "<name>'s learning portfolio". */
  title: string | undefined;
  repository: string | undefined;
  upstream: string | undefined;
  keepExample: boolean;
  force: boolean;
  help: boolean;
  /** Trackers to import. */
  files: string[];
}

/** The usage text, printed by `--help` and after a bad argument. */
export const INIT_USAGE = `Usage: npm run init -- [--yes] [--name NAME] [--title TEXT] [--repository OWNER/REPO]
                        [--upstream URL] [--keep-example] [--force] [FILE...]

Make this copy of the template your portfolio: remove the example tracks and notes, write
portfolio.config.yaml, record where your history starts, and import your trackers (FILE...).
Asks for what it needs unless --yes is given; running it again is harmless.

  --yes              ask nothing: use the flags and the defaults
  --name NAME        your name, shown in the footer (default: git config user.name)
  --title TEXT       the portfolio's title (default: "NAME's learning portfolio")
  --repository O/R   this portfolio on GitHub (default: from the origin remote)
  --upstream URL     where npm run upgrade fetches the tool (default: the tool's own repository)
  --keep-example     keep the example tracks and notes
  --force            run even with uncommitted changes to tracked files
  -h, --help         show this text

Exit status: 0 done, 1 something could not be done (see the messages), 2 bad arguments.`;

const REPOSITORY = /^[\w.-]+\/[\w.-]+$/;

/**
 * Parse the arguments after `npm run init --`.
 * @throws ArgumentError for an unknown flag or a missing or bad value
 */
export function parseInitArgs(argv: string[]): InitArgs {
  const args: InitArgs = { yes: false, name: undefined, title: undefined, repository: undefined, upstream: undefined, keepExample: false, force: false, help: false, files: [] };
  const valued = new Set(['--name', '--title', '--repository', '--upstream']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (valued.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.trim() === '') throw new ArgumentError(`Unexpected ${flag} without a value`);
      if (flag === '--repository' && !REPOSITORY.test(value)) throw new ArgumentError(`Unexpected --repository ${value}, expected OWNER/REPO such as lea/portfolio`);
      if (flag === '--name') args.name = value.trim();
      else if (flag === '--title') args.title = value.trim();
      else if (flag === '--repository') args.repository = value;
      else args.upstream = value;
    } else if (arg === '--yes' || arg === '-y') args.yes = true;
    else if (arg === '--keep-example') args.keepExample = true;
    else if (arg === '--force') args.force = true;
    else if (arg === '-h' || arg === '--help') args.help = true;
    else if (arg === '--') continue;
    else if (arg.startsWith('-') && arg !== '-') throw new ArgumentError(`Unexpected option ${arg}`);
    else args.files.push(arg);
  }
  return args;
}
