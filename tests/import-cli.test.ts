import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport, type ImportIo } from '../src/cli/import.ts';
import { root } from './helpers/project-copy.ts';

let dir: string;

function capture(today = '2026-01-01') {
  const out: string[] = [];
  const err: string[] = [];
  const io: ImportIo = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, env: {}, cwd: dir, today };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

/** Every file under `folder` with its content and modification time. */
function snapshot(folder: string): Record<string, string> {
  if (!existsSync(folder)) return {};
  return Object.fromEntries(readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()
    .map((name) => [name, statSync(join(folder, name)).isDirectory() ? 'dir' : `${readFileSync(join(folder, name), 'utf8')}@${statSync(join(folder, name)).mtimeMs}`]));
}

const TRACKER = '# Rust tracker\n\nLearning Rust.\n\n## Week 1: Basics\n\n- [x] Install\n- [ ] Ownership âœ…\n\n## Week 2: Traits\n\n- [ ] Traits\n';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
  writeFileSync(join(dir, 'tracker.md'), TRACKER);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run import', () => {
  it('writes the index and one file per phase, and prints the summary', () => {
    const c = capture();
    expect(runImport(['tracker.md'], c.io)).toBe(0);
    const folder = join(dir, 'content/tracks/rust');
    expect(readdirSync(folder).sort()).toEqual(['01-week-1-basics.md', '02-week-2-traits.md', 'index.md']);
    expect(readFileSync(join(folder, '01-week-1-basics.md'), 'utf8')).toBe('---\ntitle: "Week 1: Basics"\norder: 1\nweeks: "1"\n---\n## Week 1: Basics\n\n- [x] Install\n- [ ] Ownership ✅\n\n');
    expect(readFileSync(join(folder, 'index.md'), 'utf8')).toBe('---\ntitle: "Rust tracker"\nsummary: "Learning Rust."\nnav: "Rust"\nstarted: 2026-01-01\norder: 0\n---\n# Rust tracker\n\nLearning Rust.\n\n');
    expect(c.out()).toContain('01-week-1-basics.md  phase 1: "Week 1: Basics" (weeks 1); 2 items: 1 done, 1 to do [new]');
    expect(c.out()).toContain('2 phases, 3 items (1 done); mojibake: 1 repaired, 0 inferred, 0 unrepairable');
    expect(c.out()).toContain('tracker.md:8:1 Repaired 1 garbled sequence (UTF-8 read as Windows-1252) on line 8 [mojibake-repaired]');
    expect(c.out()).toContain('Wrote 3 file(s) to content/tracks/rust/.');
  });

  it('--dry-run prints the plan and writes nothing', () => {
    const c = capture();
    expect(runImport(['tracker.md', '--dry-run', '--track', 'rust'], c.io)).toBe(0);
    expect(existsSync(join(dir, 'content'))).toBe(false);
    expect(c.out()).toContain('Plan for tracker.md into:');
    expect(c.out()).toContain('02-week-2-traits.md  phase 2: "Week 2: Traits" (weeks 2); 1 item: 0 done, 1 to do [new]');
    expect(c.out()).toContain('Dry run: nothing written.');
  });

  it('a second run into the same place changes nothing and says so, even on another day', () => {
    expect(runImport(['tracker.md'], capture('2026-01-01').io)).toBe(0);
    const before = snapshot(join(dir, 'content'));
    const c = capture('2026-03-05');
    expect(runImport(['tracker.md'], c.io)).toBe(0);
    expect(snapshot(join(dir, 'content'))).toEqual(before);
    expect(c.out()).toContain('Already imported: all 3 files in content/tracks/rust/ are unchanged; nothing written.');
  });

  it('refuses to overwrite a file that differs without --force, writing nothing at all', () => {
    expect(runImport(['tracker.md'], capture().io)).toBe(0);
    const folder = join(dir, 'content/tracks/rust');
    writeFileSync(join(folder, '01-week-1-basics.md'), 'my own edits\n');
    rmSync(join(folder, '02-week-2-traits.md'));
    const before = snapshot(join(dir, 'content'));
    const c = capture();
    expect(runImport(['tracker.md'], c.io)).toBe(1);
    expect(snapshot(join(dir, 'content'))).toEqual(before);
    expect(c.err()).toContain('nothing written: 1 file(s) in content/tracks/rust/ exist and differ (01-week-1-basics.md); run with --force to overwrite them');
  });

  it('--force overwrites, and names other files it leaves alone', () => {
    expect(runImport(['tracker.md'], capture().io)).toBe(0);
    const folder = join(dir, 'content/tracks/rust');
    writeFileSync(join(folder, '01-week-1-basics.md'), 'my own edits\n');
    writeFileSync(join(folder, '09-extra.md'), '---\ntitle: Extra\norder: 9\n---\n');
    const c = capture();
    expect(runImport(['tracker.md', '--force'], c.io)).toBe(0);
    expect(readFileSync(join(folder, '01-week-1-basics.md'), 'utf8')).toContain('## Week 1: Basics');
    expect(readFileSync(join(folder, '09-extra.md'), 'utf8')).toContain('Extra');
    expect(c.out()).toContain('Other files in content/tracks/rust/ are left as they are: 09-extra.md');
    expect(c.out()).toContain('Wrote 1 file(s) to content/tracks/rust/ (2 unchanged).');
  });

  it('uses --track, --title and --out', () => {
    const c = capture();
    expect(runImport(['tracker.md', '--track', 'rust', '--title', 'Rust: the hard parts', '--out', 'elsewhere'], c.io)).toBe(0);
    expect(readFileSync(join(dir, 'elsewhere/rust/index.md'), 'utf8')).toContain('title: "Rust: the hard parts"\n');
  });

  it('reads UTF-16 with a BOM and CRLF line endings, and writes LF', () => {
    writeFileSync(join(dir, 'u16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TRACKER.replace(/\n/g, '\r\n'), 'utf16le')]));
    expect(runImport(['u16.md', '--track', 'u16'], capture().io)).toBe(0);
    const text = readFileSync(join(dir, 'content/tracks/u16/01-week-1-basics.md'), 'utf8');
    expect(text).not.toContain('\r');
    expect(text).toContain('- [ ] Ownership ✅\n');
  });

  it('reads invalid UTF-8 as Windows-1252 with a warning', () => {
    writeFileSync(join(dir, 'latin.md'), Buffer.from('# Caf\xe9\n\n## Week 1\n\n- [ ] na\xefve \x96 ok\n', 'latin1'));
    const c = capture();
    expect(runImport(['latin.md'], c.io)).toBe(0);
    expect(c.out()).toContain('latin.md:1:6 Unexpected byte 0xE9, expected UTF-8; read the whole file as Windows-1252 (check accented letters in the result) [import-not-utf8]');
    expect(readFileSync(join(dir, 'content/tracks/cafe/01-week-1.md'), 'utf8')).toContain('- [ ] naïve – ok\n');
  });

  it('exits 1 with a clear message when the file cannot be read', () => {
    const missing = capture();
    expect(runImport(['nope.md'], missing.io)).toBe(1);
    expect(missing.err()).toBe('nope.md:1:1 Unexpected missing file, expected a readable file [file-unreadable]\n');
    mkdirSync(join(dir, 'folder.md'));
    expect(runImport(['folder.md'], capture().io)).toBe(1);
    if (process.getuid?.() !== 0) {
      chmodSync(join(dir, 'tracker.md'), 0o000);
      expect(runImport(['tracker.md'], capture().io)).toBe(1);
    }
    expect(existsSync(join(dir, 'content'))).toBe(false);
  });

  it.each([
    [[], 'Expected a FILE to import'],
    [['a.md', 'b.md'], 'Unexpected 2 files, expected one FILE per import'],
    [['tracker.md', '--bogus'], 'Unexpected option --bogus'],
    [['tracker.md', '--track'], 'Unexpected empty value for --track'],
    [['tracker.md', '--track', 'Not A Slug'], 'Unexpected --track Not A Slug, expected lower-case words joined by hyphens'],
    [['tracker.md', '--track', 'notes'], 'Unexpected --track notes, expected a name other than'],
    [['tracker.md', '--title', '  '], 'Unexpected empty value for --title'],
  ])('exits 2 on bad arguments %j, with the usage', (argv, message) => {
    const c = capture();
    expect(runImport(argv, c.io)).toBe(2);
    expect(c.err()).toContain(message);
    expect(c.err()).toContain('Usage: npm run import --');
    expect(existsSync(join(dir, 'content'))).toBe(false);
  });

  it('runs as `npm run import` (scripts/import.ts) with the exit status', () => {
    const run = (args: string[]) => spawnSync(process.execPath, [join(root, 'scripts/import.ts'), ...args], { cwd: dir, encoding: 'utf8' });
    expect(run(['tracker.md', '--dry-run']).status).toBe(0);
    expect(run(['missing.md']).status).toBe(1);
    expect(run(['--nope']).status).toBe(2);
  });

  it('refuses what is not a tracker: a pipe, a folder, a huge file, a binary file', () => {
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    mkdirSync(join(dir, 'folder.md'));
    const big = openSync(join(dir, 'big.md'), 'w');
    ftruncateSync(big, 21 * 1024 * 1024);
    closeSync(big);
    writeFileSync(join(dir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const cases: Array<[string, string]> = [
      ['pipe.md', 'pipe.md:1:1 Unexpected named pipe (FIFO), expected a regular file; it was not read [not-a-file]\n'],
      ['folder.md', 'folder.md:1:1 Unexpected folder, expected a regular file; it was not read [not-a-file]\n'],
      ['big.md', 'big.md:1:1 Unexpected 21.0 MB file, expected at most 10 MB (no tracker is that large; is it the right file?); it was not read [file-too-large]\n'],
      ['image.md', 'image.md:1:1 Unexpected binary file (it holds NUL bytes), expected a markdown tracker; nothing was imported [not-text]\n'],
    ];
    for (const [file, message] of cases) {
      const c = capture();
      expect(runImport([file], c.io), file).toBe(1);
      expect(c.err(), file).toBe(message);
    }
    expect(existsSync(join(dir, 'content'))).toBe(false);
  });

  it('writes outside the project only with --force, and says where', () => {
    const c = capture();
    expect(runImport(['tracker.md', '--out', '../elsewhere-tracks'], c.io)).toBe(1);
    expect(c.err()).toMatch(/^import: nothing written: --out \.\.\/elsewhere-tracks is outside this project \(.*elsewhere-tracks\); pass --force to write there\n$/);
    const forced = capture();
    expect(runImport(['tracker.md', '--out', '../elsewhere-tracks', '--force'], forced.io)).toBe(0);
    expect(forced.out()).toContain('Writing outside this project (--force): ');
    rmSync(join(dir, '../elsewhere-tracks'), { recursive: true, force: true });
  });

  it('leaves the track folder exactly as it was when a write fails', () => {
    expect(runImport(['tracker.md'], capture().io)).toBe(0);
    const folder = join(dir, 'content/tracks/rust');
    writeFileSync(join(dir, 'tracker.md'), TRACKER.replace('- [x] Install', '- [x] Install Rust'));
    // A folder where a phase file should go: the write of that file fails.
    rmSync(join(folder, '01-week-1-basics.md'));
    mkdirSync(join(folder, '01-week-1-basics.md'));
    const before = snapshot(join(dir, 'content'));
    const c = capture();
    expect(runImport(['tracker.md', '--force'], c.io)).toBe(1);
    expect(c.err()).toMatch(/^import: nothing written: cannot write to content\/tracks\/rust\/ \(.*\); the folder is as it was\n$/);
    expect(snapshot(join(dir, 'content'))).toEqual(before);
    expect(readdirSync(join(dir, 'content/tracks'))).toEqual(['rust']);
  });
});
