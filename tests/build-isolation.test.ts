/**
 * The site build and the filesystem as learners have it: symbolic links to
 * phases, tracks and notes are followed as the engine follows them (the
 * pages exist and show the engine's numbers), and files the engine cannot
 * count or the site cannot show (a pipe, a binary file, a line nesting too
 * deep, a link loop, a file name that is not UTF-8, a UTF-16 file) stop the build before Astro starts, each
 * named in the engine's words, with no stack trace.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzePaths } from '../src/lib/io/run.ts';
import { buildEnv } from './helpers/build-env.ts';
import { copyProject, root } from './helpers/project-copy.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function build(cwd: string) {
  return spawnSync(process.execPath, [join(root, 'node_modules/.bin/astro'), 'build', '--outDir', join(cwd, 'dist')], {
    cwd, encoding: 'utf8', env: buildEnv({ BASE_PATH: '/', SITE_URL: 'http://localhost' }), timeout: 240_000,
  });
}

const phase = (title: string, order: number, body: string): string => `---\ntitle: ${title}\norder: ${order}\n---\n\n${body}`;

describe('site build and the filesystem', () => {
  it('follows symbolic links to a phase, a track and a note, as the engine does', async () => {
    const dir = copyProject();
    dirs.push(dir);
    const outside = join(dir, 'shared-notes');
    mkdirSync(join(outside, 'linked-track'), { recursive: true });
    writeFileSync(join(outside, 'linked-phase.md'), phase('Linked phase', 90, '- [x] kept elsewhere\n- [ ] and linked in\n'));
    writeFileSync(join(outside, 'linked-track/index.md'), '---\ntitle: Linked track\nsummary: A track kept in another folder.\nstarted: 2025-01-06\norder: 50\n---\n\nLinked.\n');
    writeFileSync(join(outside, 'linked-track/01-only.md'), phase('Only phase', 1, '- [x] one\n- [x] two\n- [ ] three\n'));
    writeFileSync(join(outside, 'linked-note.md'), '---\ntitle: Linked note\ndate: 2025-02-01\n---\n\nA note kept elsewhere.\n');
    symlinkSync('../../../shared-notes/linked-phase.md', join(dir, 'content/tracks/system-design/90-linked-phase.md'));
    symlinkSync('../../shared-notes/linked-track', join(dir, 'content/tracks/linked-track'));
    symlinkSync('../../shared-notes/linked-note.md', join(dir, 'content/notes/linked-note.md'));

    const result = build(dir);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const report = await analyzePaths(['content/tracks'], { cacheDir: null, cwd: dir, workers: 1 });
    const linked = report.files.find((file) => file.path === 'content/tracks/linked-track/01-only.md')!;
    expect(linked.percent).toBe(66.7);
    expect(readFileSync(join(dir, 'dist/linked-track/01-only/index.html'), 'utf8')).toContain('66.7%');
    expect(readFileSync(join(dir, 'dist/system-design/90-linked-phase/index.html'), 'utf8')).toContain('kept elsewhere');
    expect(readFileSync(join(dir, 'dist/notes/linked-note/index.html'), 'utf8')).toContain('A note kept elsewhere.');
  }, 300_000);

  it('stops before Astro on files the engine cannot count, naming each in the engine’s words', () => {
    const dir = copyProject();
    dirs.push(dir);
    const track = join(dir, 'content/tracks/system-design');
    execFileSync('mkfifo', [join(track, '91-pipe.md')]);
    writeFileSync(join(track, '92-binary.md'), Buffer.concat([Buffer.from(phase('Binary', 92, '')), Buffer.from([0, 1, 2])]));
    writeFileSync(join(track, '93-deep.md'), phase('Deep', 93, `${'- '.repeat(120)}[ ] deep\n`));
    writeFileSync(Buffer.concat([Buffer.from(join(track, '94-caf')), Buffer.from([0xe9]), Buffer.from('.md')]), phase('Latin-1 name', 94, '- [ ] x\n'));
    symlinkSync('.', join(dir, 'content/notes/loop'));
    // What Windows Notepad saves as "Unicode": counted by the engine, but Astro would publish its bytes as garbage.
    writeFileSync(join(track, '95-notepad.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(phase('Notepad', 95, '- [x] saved as Unicode\n'), 'utf16le')]));

    const result = build(dir);
    const output = result.stdout + result.stderr;
    expect(result.status).not.toBe(0);
    for (const line of [
      'content/notes/loop:1:1 Unexpected symbolic link to content/notes, a folder that contains it (a loop), expected a link to a folder outside it; it was not followed [symlink-loop]',
      'content/tracks/system-design/91-pipe.md:1:1 Unexpected named pipe (FIFO), expected a regular file; it was not read [not-a-file]',
      'content/tracks/system-design/92-binary.md:1:1 Unexpected binary file (it holds NUL bytes), expected markdown text; nothing in it was counted [not-text]',
      'content/tracks/system-design/93-deep.md:6:1 Unexpected 120 lists and quotes opened on one line, expected at most 100; nothing in this file was counted [nesting-too-deep]',
      'content/tracks/system-design/94-caf\ufffd.md:1:1 Unexpected file name that is not UTF-8 (each byte that is not is shown as �), expected a UTF-8 name: the engine counts the file, but the site cannot publish it; rename it [file-name-not-utf8]',
      'content/tracks/system-design/95-notepad.md:1:1 Unexpected UTF-16 LE text (it starts with a byte order mark), expected UTF-8; counted as written, but the site reads UTF-8 and cannot show it: save the file as UTF-8 [utf16]',
    ]) expect(output).toContain(line);
    expect(output).toContain('The build stopped: 6 problems in content/');
    expect(output).not.toMatch(/Stack trace|\bat .*\.(?:m?js|ts):\d+/);
  }, 300_000);
});
