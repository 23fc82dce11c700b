/**
 * fast-check generators of markdown that stresses the progress engine: list
 * markers and checkboxes (valid and look-alike), quotes, headings with hour
 * estimates, fences, HTML, status tables with emoji and mojibake, frontmatter,
 * mixed line endings, and raw bytes.
 */
import fc from 'fast-check';


/** Free text: printable graphemes, any code point, or progress-flavoured snippets. */
const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 12 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'Learn closures', '**Day 3**: arrays', '✅', ' ✅ 2024-05-06', ' ✅ 2024-02-30', '✅ 2023-13-01', '⏫ 📅 2024-05-07',
      '`- [ ] `', '[link](https://x.y)', '<https://a.b>', '\\*', '[x]', '[ ]', '(4-6 hours)', '|', '\\|', '*', '_', '&amp;',
      '🧑‍💻', 'Grundläggande', 'âœ…', 'â¬œ', 'ðŸŸ¡', '\u00a0', '\u200b', '\ufeff', '\t', '  ', '',
    ),
  },
);

const indent = fc.array(fc.constantFrom(' ', '  ', '   ', '    ', '\t'), { maxLength: 4 }).map((parts) => parts.join(''));
const quote = fc.array(fc.constantFrom('>', '> ', ' > ', '>\t'), { maxLength: 3 }).map((parts) => parts.join(''));
const listMarker = fc.constantFrom('-', '*', '+', '1.', '1)', '2.', '10)', '0.', '123456789.');
const checkbox = fc.constantFrom('[ ]', '[x]', '[X]', '[/]', '[-]', '[ x]', '[x ]', '[]', '[  ]', '[x]no-space', '[/]x', '[-]\t', '[*]', '');
const markerGap = fc.constantFrom(' ', '  ', '\t', '', '     ');

/** A list item, possibly a task or a look-alike, possibly quoted and indented. */
const oddListLine = fc
  .tuple(quote, indent, listMarker, markerGap, checkbox, fc.constantFrom(' ', '', '\t'), text)
  .map(([q, ind, marker, gap, box, space, label]) => `${q}${ind}${marker}${gap}${box}${space}${label}`);
/** A well-formed task (GFM or extended), nested by 0–3 levels, sometimes quoted: the common case. */
const taskLine = fc
  .tuple(
    fc.option(fc.constantFrom('> ', '>'), { freq: 5 }),
    fc.integer({ min: 0, max: 3 }),
    fc.constantFrom('  ', '    ', '\t'),
    fc.constantFrom('-', '*', '+', '1.', '2)'),
    fc.constantFrom('[ ]', '[ ]', '[x]', '[x]', '[X]', '[/]', '[-]'),
    fc.oneof(fc.constantFrom('Read chapter 1', 'Day 2 - arrays', 'Build it ✅ 2024-05-06', 'x'), text.filter((t) => /\S/.test(t))),
  )
  .map(([q, level, unit, marker, box, label]) => `${q ?? ''}${unit.repeat(level)}${marker} ${box} ${label}`);
const listLine = fc.oneof({ weight: 3, arbitrary: taskLine }, { weight: 2, arbitrary: oddListLine });

const hours = fc.constantFrom('', ' (4-6 hours)', ' (2 hours)', ' (1.5-2.5 hours)', ' (0 hours)', ' (6-4 hours)', ' (Weeks 1-4)', ' (3h)', ' ✅');
const headingLine = fc
  .tuple(indent.map((s) => s.slice(0, 3)), fc.integer({ min: 1, max: 7 }), fc.constantFrom(' ', '\t', ''), text, hours, fc.constantFrom('', ' #', ' ##'))
  .map(([ind, level, gap, title, h, close]) => `${ind}${'#'.repeat(level)}${gap}${title}${h}${close}`);
const setextUnderline = fc.constantFrom('===', '---', '- - -');

const fenceLine = fc
  .tuple(indent.map((s) => s.slice(0, 4)), fc.constantFrom('```', '~~~', '````', '~~~~', '``'), fc.constantFrom('', 'md', 'markdown', 'bash', '`x`'))
  .map(([ind, fence, info]) => `${ind}${fence}${info}`);

const htmlLine = fc.constantFrom(
  '<details>', '</details>', '<summary>Week 1</summary>', '<!--', '-->', '<!-- - [x] hidden -->', '<ul><li>☐ item</li></ul>',
  '<div>', '</div>', '<br>', '</br>', '<script>', '</script>', '<pre>', '</pre>', '<?php', '?>', '<![CDATA[', ']]>',
);
const breakLine = fc.constantFrom('---', '***', '___', '- - -', '', '', '   ', '\t');

const statusCell = fc.oneof(
  fc.constantFrom(
    '✅', '✅ Done', '✅️ Complete', '🟡', '🟡 In Progress', '⬜', '⬜ Not Started', '⏭️', '⏭️ Skipped', '⬜ / 🟡 / ✅',
    '✅ Not Started', '🔴 Not Started', '⏳', '🔄 In Progress', 'n/a', 'WIP', 'âœ…', 'â¬œ Not Started', 'ðŸŸ¡', 'â­ï¸',
    '[ ]', '[x]', '', ' ', '`✅`', '**Done**', '✅ | ⬜', 'done / todo',
  ),
  text,
);
const headerCell = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('Status', 'status', '**Status**', 'Status ✅', 'Task', 'Topic', 'Confidence', 'Proficiency', 'Date Completed', 'Date', 'Completed', 'Notes', '#', '') },
  { weight: 1, arbitrary: text },
);
const bodyCell = fc.oneof(statusCell, headerCell, fc.constantFrom('★★★☆☆', '⭐⭐', '3/5', '2024-05-06', '2024-02-31'));
/** One table line from its cells, with or without the outer pipes. */
const tableLine = (q: string, cells: string[], lead: boolean, trail: boolean): string =>
  `${q}${lead ? '| ' : ''}${cells.map((c) => c.replace(/[\r\n]/g, ' ')).join(' | ')}${trail ? ' |' : ''}`;
/**
 * A table: a blank line, a header with a `Status` column most of the time, a
 * matching separator and body rows whose cell counts sometimes disagree.
 */
const table = fc
  .integer({ min: 1, max: 5 })
  .chain((n) =>
    fc.tuple(
      fc.option(fc.constantFrom('> ', '>'), { freq: 6 }),
      fc.array(headerCell, { minLength: n, maxLength: n }),
      fc.integer({ min: 0, max: n - 1 }),
      fc.boolean(),
      fc.constantFrom('---', ':---', '---:', ':-:', '-'),
      fc.array(fc.tuple(fc.array(bodyCell, { minLength: Math.max(0, n - 1), maxLength: n + 1 }), fc.boolean()), { maxLength: 6 }),
      fc.boolean(),
    ),
  )
  .map(([q, header, statusAt, withStatus, dash, body, pipes]) => {
    const quoteText = q ?? '';
    const head = withStatus ? header.map((cell, i) => (i === statusAt ? 'Status' : cell)) : header;
    const lines = [
      '',
      tableLine(quoteText, head, true, pipes),
      tableLine(quoteText, head.map(() => dash), true, pipes),
      ...body.map(([cells, lead]) => tableLine(quoteText, cells, lead || cells.length < 2, pipes)),
    ];
    return lines.join('\n');
  });

const frontmatter = fc.constantFrom(
  '---\ntitle: Tracker\n---', '---\ntitle: [unclosed\n---', '---\n- a list\n---', '---\nkey with space:\n...', '---\n---', '---\ntitle: x',
);

/** One block of lines (joined with LF; line endings are chosen later). */
const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: listLine },
  { weight: 3, arbitrary: headingLine },
  { weight: 1, arbitrary: fc.tuple(text, setextUnderline).map(([t, u]) => `${t}\n${u}`) },
  { weight: 1, arbitrary: fenceLine },
  { weight: 2, arbitrary: htmlLine },
  { weight: 2, arbitrary: breakLine },
  { weight: 3, arbitrary: table },
  { weight: 3, arbitrary: fc.tuple(quote, indent, text).map(([q, ind, t]) => `${q}${ind}${t}`) },
  { weight: 1, arbitrary: fc.constantFrom('-[x] glued', '1.[ ] glued', 'text -[ ] mid', '**Status**: ✅ Complete', '    - [x] indented code') },
);

/** A whole document: optional BOM and frontmatter, fragments, mixed line endings. */
export const markdown: fc.Arbitrary<string> = fc
  .tuple(
    fc.boolean(),
    fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: frontmatter }),
    fc.array(fc.tuple(fragment, fc.constantFrom('\n', '\n', '\n', '\r\n', '\r', '\n\n')), { minLength: 1, maxLength: 40, size: 'medium' }),
  )
  .map(([bom, front, parts]) => {
    const body = parts.map(([fragmentText, eol]) => fragmentText.replace(/\n/g, eol) + eol).join('');
    return `${bom ? '\ufeff' : ''}${front ? `${front}\n` : ''}${body}`;
  });

const encoder = new TextEncoder();
/** Bytes: generated markdown encoded as UTF-8, sometimes with bytes spliced in (invalid UTF-8, lone CR…). */
export const markdownBytes: fc.Arbitrary<Uint8Array> = fc
  .tuple(markdown, fc.array(fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 4 })), { maxLength: 3 }))
  .map(([doc, splices]) => {
    let bytes = encoder.encode(doc);
    for (const [at, insert] of splices) {
      const index = bytes.length === 0 ? 0 : at % (bytes.length + 1);
      const next = new Uint8Array(bytes.length + insert.length);
      next.set(bytes.subarray(0, index));
      next.set(insert, index);
      next.set(bytes.subarray(index), index + insert.length);
      bytes = next;
    }
    return bytes;
  });

/** Any input the engine may be given: generated or arbitrary strings and bytes. */
export const anyInput: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  { weight: 4, arbitrary: markdown },
  { weight: 2, arbitrary: markdownBytes },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
);

