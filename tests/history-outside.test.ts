/**
 * History and the filesystem: a track kept in a git submodule, a phase
 * reached through a symbolic link, and a file name that is not UTF-8.
 * The first two are not in the repository's own history: they are left
 * out of it with a notice, never "completed today (not yet committed)" for
 * ever with a streak of today. The third is dated like any other file.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHistory } from '../src/lib/history/read.ts';
import type { History } from '../src/lib/history/types.ts';
import { analyzePaths } from '../src/lib/io/run.ts';
import { repoPerTest } from './helpers/git-repo.ts';

const repo = repoPerTest();

async function history(dir: string, now: string): Promise<{ history: History; total: number }> {
  const report = await analyzePaths(['content'], { cacheDir: null, cwd: dir, workers: 1 });
  return { history: await readHistory({ target: 'content', report, cwd: dir, cacheDir: null, now: new Date(now), workers: 1 }), total: report.totals.total };
}

describe('history and files this repository does not record', () => {
  it('leaves a submodule track and a linked phase out, with a notice, and dates the rest', async () => {
    const sub = repo();
    sub.commit('2025-01-02T10:00:00Z', { '01-sub.md': '# Sub\n\n- [x] done in the submodule\n- [ ] to do there\n' });
    const main = repo();
    main.commit('2025-01-03T10:00:00Z', {
      'content/tracks/own/01-own.md': '# Own\n\n- [ ] first\n- [ ] second\n',
      'shared/02-linked.md': '# Linked\n\n- [x] done through a link\n',
    });
    main.at('2025-01-04T10:00:00Z');
    main.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub.dir, 'content/tracks/sub');
    symlinkSync('../../../shared/02-linked.md', join(main.dir, 'content/tracks/own/02-linked.md'));
    main.commit('2025-01-04T10:00:00Z', { 'content/tracks/own/01-own.md': '# Own\n\n- [x] first\n- [ ] second\n' });

    const { history: h, total } = await history(main.dir, '2025-01-10T12:00:00Z');
    expect(total).toBe(5);
    expect(h.completions.map((c) => [c.path, c.label, c.date, c.source])).toEqual([['content/tracks/own/01-own.md', 'first', '2025-01-04', 'git']]);
    expect(h.completions.some((c) => c.source === 'uncommitted')).toBe(false);
    expect(h.streak.current).toBe(0);
    expect(h.timeline.at(-1)!.commit).not.toBeNull();
    expect(h.notice).toBe("2 files are in a git submodule or nested repository (content/tracks/sub/01-sub.md) or reached through a symbolic link (content/tracks/own/02-linked.md), so this repository's history does not have their changes: their items are counted, without completion dates, streak or pace; to fix: keep the trackers in this repository itself");
  });

  it('dates a file whose name is not UTF-8 from its commit, and keeps it in the "now" point', async () => {
    const main = repo();
    const name = Buffer.concat([Buffer.from(join(main.dir, 'content/caf')), Buffer.from([0xe9]), Buffer.from('.md')]);
    mkdirSync(join(main.dir, 'content'), { recursive: true });
    writeFileSync(name, '# Café\n\n- [x] named in Latin-1\n- [ ] still to do\n');
    main.commit('2025-01-05T10:00:00Z', {});
    writeFileSync(name, '# Café\n\n- [x] named in Latin-1\n- [x] still to do\n');

    const { history: h } = await history(main.dir, '2025-01-10T12:00:00Z');
    expect(h.notice).toBeNull();
    expect(h.timeline.map((p) => [p.commit === null ? 'now' : 'commit', p.done, p.total])).toEqual([['commit', 1, 2], ['now', 2, 2]]);
    expect(h.completions.map((c) => [c.path, c.label, c.source])).toEqual([
      ['content/caf\udce9.md', 'named in Latin-1', 'before-tracking'],
      ['content/caf\udce9.md', 'still to do', 'uncommitted'],
    ]);
  });
});
