import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findContentFiles } from '../check/content-files.ts';
import { readConfig } from '../config/read-config.ts';
import { entryId } from '../lib/content-ids.ts';
import { removeExample } from '../setup/example-files.ts';
import { gitInfo, type GitInfo } from '../setup/git-info.ts';
import { rawSettings, updateSettings, type SettingChange } from '../setup/settings-file.ts';
import { readToolState, toolFilesAt, toolFilesNow, writeToolState } from '../setup/tool-files.ts';
import { ArgumentError } from './args.ts';
import { formatMessage } from './format-check.ts';
import { runImport, type ImportIo } from './import.ts';
import { INIT_USAGE, parseInitArgs, type InitArgs } from './init-args.ts';

/** Asks the learner one question; resolves with their answer, or the default on an empty line. */
export type Ask = (question: string, fallback: string) => Promise<string>;

/** Where `init` writes and how it asks; `ask` is null when nobody can answer (not a terminal). */
export interface InitIo extends ImportIo {
  ask: Ask | null;
}

/** The tool's own repository, from its package.json `repository`, as the default upstream. */
function toolRepository(root: string): string | null {
  try {
    const repository = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { repository?: string | { url?: string } }).repository;
    const url = typeof repository === 'string' ? repository : repository?.url;
    return url ? url.replace(/^git\+/, '') : null;
  } catch {
    return null;
  }
}

/** The answers init works with: from flags, the existing settings, git, and the learner. */
interface Answers {
  name: string | null;
  title: string;
  repository: string | null;
  keepExample: boolean;
  files: string[];
}

async function answersFor(args: InitArgs, io: InitIo, git: GitInfo): Promise<Answers> {
  const existing = rawSettings(io.cwd);
  const author = (existing['author'] as { name?: unknown } | undefined)?.name;
  const defaultName = args.name ?? (typeof author === 'string' ? author : git.userName);
  const titleFor = (name: string | null): string => args.title
    ?? (typeof existing['name'] === 'string' && existing['name'] !== 'Learning portfolio' ? existing['name'] : name ? `${name}'s learning portfolio` : 'Learning portfolio');
  const defaultRepository = args.repository ?? (typeof existing['repository'] === 'string' ? existing['repository'] : git.githubRepository);
  if (args.yes || !io.ask) {
    return { name: defaultName, title: titleFor(defaultName), repository: defaultRepository, keepExample: args.keepExample, files: args.files };
  }
  const name = (await io.ask('Your name, shown in the footer', defaultName ?? '')).trim() || null;
  const title = (await io.ask('The portfolio\'s title', titleFor(name))).trim();
  const repository = (await io.ask('This portfolio on GitHub, as owner/repo (empty: none)', defaultRepository ?? '')).trim() || null;
  if (repository && !/^[\w.-]+\/[\w.-]+$/.test(repository)) throw new ArgumentError(`Unexpected repository "${repository}", expected OWNER/REPO such as lea/portfolio`);
  const keep = args.keepExample || /^n/i.test((await io.ask('Remove the example tracks and notes? (Y/n)', 'Y')).trim());
  const listed = (await io.ask('Trackers to import, as paths separated by spaces (empty: none)', args.files.join(' '))).trim();
  return { name, title, repository, keepExample: keep, files: listed ? listed.split(/\s+/) : [] };
}

/** Track ids present now (`content/tracks/<id>/index.md`). */
function trackIds(root: string): Set<string> {
  return new Set(findContentFiles(root).tracks.filter((t) => t.index).map((t) => entryId(`${t.folder}/index.md`)));
}

/**
 * `npm run init`: make a fresh copy of the template the learner's own
 * portfolio (see the README, "Make it yours"). Removes the example (only
 * files exactly as shipped), imports the given trackers, and writes
 * `portfolio.config.yaml`: name, author, repository, upstream, and the
 * history start (the current commit, or now), which is never moved once
 * set, so running init again is harmless. Refuses uncommitted changes to
 * tracked files without `--force`.
 *
 * @returns the exit code: 0 done, 1 something could not be done, 2 bad arguments
 */
export async function runInit(argv: string[], io: InitIo): Promise<number> {
  const out = (...lines: string[]): void => { io.stdout.write(`${lines.join('\n')}\n`); };
  let args: InitArgs;
  try {
    args = parseInitArgs(argv);
  } catch (error) {
    if (!(error instanceof ArgumentError)) throw error;
    io.stderr.write(`init: ${error.message}\n\n${INIT_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    out(INIT_USAGE);
    return 0;
  }
  const git = gitInfo(io.cwd);
  if (git.changed.length > 0 && !args.force) {
    io.stderr.write(`init: nothing changed: ${git.changed.length} tracked file(s) have uncommitted changes (${git.changed.slice(0, 5).join(', ')}${git.changed.length > 5 ? ', …' : ''}); commit or stash them first, or run with --force\n`);
    return 1;
  }
  if (!args.yes && !io.ask) {
    io.stderr.write('init: nobody to ask (not a terminal): run it in a terminal, or pass --yes with --name "Your Name"\n');
    return 2;
  }
  let answers: Answers;
  try {
    answers = await answersFor(args, io, git);
  } catch (error) {
    if (!(error instanceof ArgumentError)) throw error;
    io.stderr.write(`init: ${error.message}\n`);
    return 2;
  }

  let status = 0;
  if (answers.keepExample) out('Kept the example tracks and notes (--keep-example).');
  else {
    const removal = removeExample(io.cwd);
    out(removal.removed.length > 0 ? `Removed the example: ${removal.removed.length} file(s) under content/.` : 'The example is already removed.');
    if (removal.kept.length > 0) out(`Kept ${removal.kept.length} example file(s) you changed (they are yours now): ${removal.kept.join(', ')}`);
  }
  for (const file of answers.files) {
    const code = runImport([file], io);
    if (code !== 0) status = 1;
  }

  const existing = rawSettings(io.cwd);
  const history = existing['history'] as { start?: unknown } | undefined;
  const start = history?.start ?? git.head ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const tracks = trackIds(io.cwd);
  const nav = existing['nav'] && typeof existing['nav'] === 'object' ? Object.keys(existing['nav']) : [];
  const upstream = args.upstream ?? (typeof existing['upstream'] === 'string' ? existing['upstream'] : toolRepository(io.cwd));
  const changes: SettingChange[] = [
    { path: ['name'], value: answers.title },
    ...(answers.name ? [{ path: ['author'], value: { name: answers.name, links: (existing['author'] as { links?: unknown } | null | undefined)?.links ?? [] } }] : []),
    ...(answers.repository ? [{ path: ['repository'], value: answers.repository }] : []),
    { path: ['upstream'], value: upstream ?? null },
    { path: ['history', 'start'], value: start },
    // Labels of tracks that are gone (the example's) would only warn.
    ...nav.filter((id) => !tracks.has(id)).map((id) => ({ path: ['nav', id], value: undefined })),
  ];
  const before = existsSync(join(io.cwd, 'portfolio.config.yaml')) ? readFileSync(join(io.cwd, 'portfolio.config.yaml'), 'utf8') : null;
  const after = updateSettings(io.cwd, changes);
  const settings = readConfig(io.cwd);
  if (!settings.config) {
    io.stderr.write(`${settings.messages.map(formatMessage).join('\n')}\ninit: portfolio.config.yaml has errors (above); fix them and run npm run init again\n`);
    return 1;
  }
  // What the tool shipped, so that `npm run upgrade` can tell the learner's later edits from old versions.
  if (git.repository && !readToolState(io.cwd)) {
    const shipped = git.head ? new Map([...toolFilesAt(io.cwd, git.head)].map(([path, file]) => [path, file.blob])) : toolFilesNow(io.cwd);
    writeToolState(io.cwd, { from: upstream ?? null, commit: null, files: Object.fromEntries(shipped) });
  }
  out(before === after ? 'portfolio.config.yaml is unchanged.' : `Wrote portfolio.config.yaml: "${settings.config.name}"${settings.config.repository ? `, repository ${settings.config.repository}` : ''}.`);
  out(`Progress over time starts ${typeof start === 'string' && /^[0-9a-f]{40,64}$/.test(start) ? `after commit ${start.slice(0, 12)}` : `at ${String(start)}`}: what came before (the template, the example) is not your activity.`);
  if (!upstream) out('No upstream recorded: pass --from to npm run upgrade, or set `upstream` in portfolio.config.yaml.');
  out(
    '',
    'Next:',
    '  npm run check:content      check your trackers and settings',
    '  npm run dev                look at the site while you edit',
    '  git add -A && git commit -m "Start my portfolio" && git push',
    '  On GitHub: Settings → Pages → Source: GitHub Actions (once).',
  );
  return status;
}
