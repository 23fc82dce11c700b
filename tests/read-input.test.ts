/**
 * `readInput` keeps what it read, up to `KEPT_BYTES`, for the rest of the
 * process (`src/lib/io/read-input.ts`): an unchanged file is not read again, and
 * any change to the file, even one that keeps its size and modification
 * time, is read.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KEPT_BYTES, MAX_FILE_BYTES, readInput } from '../src/lib/io/read-input.ts';

const dir = mkdtempSync(join(tmpdir(), 'read-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (result: ReturnType<typeof readInput>): string => ('bytes' in result ? Buffer.from(result.bytes).toString() : `error ${result.error.rule}`);

describe('readInput across one process', () => {
  it('gives the same bytes for an unchanged file without reading it again', () => {
    const file = join(dir, 'same.md');
    writeFileSync(file, '- [ ] one\n');
    const first = readInput(file, 'same.md');
    const second = readInput(file, 'same.md');
    expect('bytes' in first && 'bytes' in second && first.bytes === second.bytes).toBe(true);
  });

  it('reads a file again when its content changes, even at the same size and modification time', () => {
    const file = join(dir, 'edited.md');
    writeFileSync(file, '- [ ] one\n');
    // A whole second, which the file keeps exactly: only the change time can tell the two versions apart.
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect(text(readInput(file, 'edited.md'))).toBe('- [ ] one\n');
    writeFileSync(file, '- [x] one\n');
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect(statSync(file).mtimeMs).toBe(1_700_000_000_000);
    expect(text(readInput(file, 'edited.md'))).toBe('- [x] one\n');
  });

  it('reads the new file when another is moved into its place', () => {
    const file = join(dir, 'moved.md');
    writeFileSync(file, 'old text\n');
    expect(text(readInput(file, 'moved.md'))).toBe('old text\n');
    writeFileSync(join(dir, 'next.md'), 'new text\n');
    renameSync(join(dir, 'next.md'), file);
    expect(text(readInput(file, 'moved.md'))).toBe('new text\n');
  });

  it('says what a path has become: a pipe, a missing file, an unreadable one', () => {
    const file = join(dir, 'changes.md');
    writeFileSync(file, 'text\n');
    expect(text(readInput(file, 'changes.md'))).toBe('text\n');
    rmSync(file);
    expect(text(readInput(file, 'changes.md'))).toBe('error file-unreadable');
    execFileSync('mkfifo', [file]);
    expect(text(readInput(file, 'changes.md'))).toBe('error not-a-file');
    rmSync(file);
    writeFileSync(file, 'text\n');
    expect(text(readInput(file, 'changes.md'))).toBe('text\n');
    if (process.getuid?.() !== 0) {
      // Root reads anything: permissions say nothing to it.
      chmodSync(file, 0o000);
      expect(text(readInput(file, 'changes.md'))).toBe('error file-unreadable');
      chmodSync(file, 0o644);
    }
  });

  it('keeps at most KEPT_BYTES of files: those read longest ago are read from disk again', () => {
    const bytesOf = (result: ReturnType<typeof readInput>): Uint8Array | null => ('bytes' in result ? result.bytes : null);
    const small = join(dir, 'small.md');
    writeFileSync(small, '- [ ] small\n');
    const first = bytesOf(readInput(small, 'small.md'));
    expect(bytesOf(readInput(small, 'small.md'))).toBe(first);
    const size = MAX_FILE_BYTES - 1024;
    const large = Array.from({ length: Math.ceil(KEPT_BYTES / size) }, (_, k) => join(dir, `large-${k}.md`));
    const reads = large.map((file, k) => {
      writeFileSync(file, Buffer.alloc(size, 97 + k));
      return bytesOf(readInput(file, file));
    });
    // The file read last is still kept; the one read first was let go, and is read again.
    expect(bytesOf(readInput(large.at(-1)!, large.at(-1)!))).toBe(reads.at(-1));
    const again = bytesOf(readInput(small, 'small.md'));
    expect(Buffer.from(again!).toString()).toBe('- [ ] small\n');
    expect(again).not.toBe(first);
    large.forEach((file) => rmSync(file));
  });

  it('refuses a kept file that is over a smaller limit', () => {
    const file = join(dir, 'large.md');
    writeFileSync(file, 'x'.repeat(100));
    expect(text(readInput(file, 'large.md'))).toBe('x'.repeat(100));
    expect(text(readInput(file, 'large.md', 10))).toBe('error file-too-large');
  });
});
