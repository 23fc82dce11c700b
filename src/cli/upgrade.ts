import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readConfig } from '../config/read-config.ts';
import { gitInfo } from '../setup/git-info.ts';
import { gitBytes, shippedToolFiles, toolFilesAt, toolFilesNow, writeToolState } from '../setup/tool-files.ts';
import { planUpgrade, type UpgradeAction } from '../setup/upgrade-plan.ts';
import { LEARNER_PATHS } from '../setup/ownership.ts';
import type { Io } from './stats.ts';

/** The usage text of `npm run upgrade`. */
export const UPGRADE_USAGE = `Usage: npm run upgrade -- [--from URL|FOLDER] [--ref REF] [--dry-run] [--no-install]

Replace the tool's files with a newer version, leaving yours (content/, public/,
portfolio.config.yaml) untouched. A tool file you changed is never lost: when the
new version changes it too, the new one takes its place and yours is kept beside it
as <file>.local. Then runs npm install and npm run check:content.

  --from URL     a git URL or a folder with the tool's repository (default: \`upstream\` in portfolio.config.yaml)
  --ref REF      the branch, tag or commit to upgrade to (default: the upstream's default branch)
  --dry-run      print what would change and change nothing
  --no-install   skip npm install and npm run check:content afterwards
  -h, --help     show this text

Refuses to run with uncommitted changes to tracked files. Exit status: 0 done,
1 the upgrade could not be done (nothing changed), 2 bad arguments.`;

interface UpgradeArgs { from: string | undefined; ref: string | undefined; dryRun: boolean; install: boolean; help: boolean }

function parseUpgradeArgs(argv: string[]): UpgradeArgs | string {
  const args: UpgradeArgs = { from: undefined, ref: undefined, dryRun: false, install: true, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--from' || arg === '--ref') {
      const value = argv[++i];
      if (!value) return `Unexpected ${arg} without a value`;
      if (arg === '--from') args.from = value;
      else args.ref = value;
    } else if (arg === '--dry-run') args.dryRun = true;
    else if (arg === '--no-install') args.install = false;
    else if (arg === '-h' || arg === '--help') args.help = true;
    else if (arg !== '--') return `Unexpected argument ${arg}`;
  }
  return args;
}

const WORDS: Record<UpgradeAction['kind'], string> = {
  add: 'added', update: 'updated', 'replace-edited': 'replaced (yours kept as .local)', delete: 'deleted', 'keep-edited': 'kept as you changed it',
};

/** Write one new file from the fetched objects, with its mode (executable bit, symbolic link). */
function writeFromBlob(root: string, path: string, blob: string, mode: string): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  const bytes = gitBytes(root, ['cat-file', 'blob', blob]);
  rmSync(full, { force: true });
  if (mode === '120000') symlinkSync(bytes.toString('utf8'), full);
  else {
    writeFileSync(full, bytes);
    if (mode === '100755') chmodSync(full, 0o755);
  }
}

/**
 * `npm run upgrade`: fetch a newer version of the tool and replace the tool's
 * files, never the learner's (see the README, "Upgrading").
 * @returns the exit code: 0 done, 1 not done, 2 bad arguments
 */
export function runUpgrade(argv: string[], io: Io): number {
  try {
    return upgrade(argv, io);
  } catch (error) {
    // A git command that failed past the checks: say which, without a stack trace.
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    io.stderr.write(`upgrade: ${(error as Error).message.split('\n')[0]}${stderr ? `: ${stderr}` : ''}\n`);
    return 1;
  }
}

function upgrade(argv: string[], io: Io): number {
  const out = (...lines: string[]): void => { io.stdout.write(`${lines.join('\n')}\n`); };
  const fail = (message: string, code = 1): number => { io.stderr.write(`upgrade: ${message}\n`); return code; };
  const args = parseUpgradeArgs(argv);
  if (typeof args === 'string') return fail(`${args}\n\n${UPGRADE_USAGE}`, 2);
  if (args.help) { out(UPGRADE_USAGE); return 0; }

  const git = gitInfo(io.cwd);
  if (!git.repository || !git.head) return fail('this is not a git repository with a commit; upgrade needs one to keep your files safe');
  if (git.changed.length > 0) return fail(`nothing changed: ${git.changed.length} tracked file(s) have uncommitted changes (${git.changed.slice(0, 5).join(', ')}); commit or stash them first`);
  const settings = readConfig(io.cwd);
  const from = args.from ?? settings.config?.upstream ?? null;
  if (!from) return fail('where from? pass --from <git URL or folder>, or set `upstream` in portfolio.config.yaml', 2);

  const fetched = spawnSync('git', ['fetch', '--no-tags', '--quiet', from, ...(args.ref ? [args.ref] : [])], { cwd: io.cwd, encoding: 'utf8' });
  if (fetched.status !== 0) return fail(`could not fetch ${args.ref ?? 'the default branch'} from ${from}: ${fetched.stderr.trim() || `git exited with ${fetched.status}`}`);
  const commit = gitBytes(io.cwd, ['rev-parse', 'FETCH_HEAD^{commit}']).toString('utf8').trim();
  const next = toolFilesAt(io.cwd, commit);
  if (next.size === 0) return fail(`${from} has no files at ${commit.slice(0, 12)}; is it the tool's repository?`);

  const actions = planUpgrade(shippedToolFiles(io.cwd), toolFilesNow(io.cwd), next);
  out(`${args.dryRun ? 'Would upgrade' : 'Upgrading'} to ${from} ${args.ref ?? ''} (${commit.slice(0, 12)}); your ${LEARNER_PATHS.join(', ')} stay as they are.`.replace('  (', ' ('));
  for (const action of actions) out(`  ${action.path}: ${action.kind === 'delete' && action.edited ? 'deleted (yours kept as .local)' : WORDS[action.kind]}`);
  if (actions.length === 0) out('  Nothing to change: the tool files are already this version.');
  if (args.dryRun) return 0;

  for (const action of actions) {
    const full = join(io.cwd, action.path);
    if (action.kind === 'replace-edited' || (action.kind === 'delete' && action.edited)) copyFileSync(full, `${full}.local`);
    if (action.kind === 'delete') rmSync(full);
    else if (action.kind !== 'keep-edited') writeFromBlob(io.cwd, action.path, action.file.blob, action.file.mode);
  }
  writeToolState(io.cwd, { from, commit, files: Object.fromEntries([...next].map(([path, file]) => [path, file.blob])) });
  const local = actions.filter((a) => a.kind === 'replace-edited' || (a.kind === 'delete' && a.edited));
  if (local.length > 0) {
    out(`You had changed ${local.length} tool file(s): the new version is in place, yours is beside it as .local (${local.map((a) => `${a.path}.local`).join(', ')}). Carry over what you need, then delete the .local files.`);
  }
  out(`Done: ${actions.filter((a) => a.kind !== 'keep-edited').length} tool file(s) changed. Review with git diff, then commit.`);

  if (!args.install) return 0;
  for (const command of [['install', '--no-audit', '--no-fund'], ['run', 'check:content']]) {
    out(`\n$ npm ${command.join(' ')}`);
    const run = spawnSync('npm', command, { cwd: io.cwd, stdio: 'inherit', env: io.env });
    if (run.status !== 0) return fail(`npm ${command.join(' ')} failed (exit ${run.status}); the new tool files are in place: fix what it says, or git checkout . to go back`);
  }
  return 0;
}
