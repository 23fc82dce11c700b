/**
 * fast-check generator of "line soup" markdown for the differential parser
 * test: every line is a random container prefix (blockquote markers,
 * indentation, list markers) followed by block or inline syntax, so nesting,
 * lazy continuation, interrupting and tab stops are exercised far more often
 * than in real files. Tabs are rare on purpose: `parse-risk.ts` sends every
 * file with a tab in its indentation to the reference parser, so tab-heavy
 * input would rarely reach the fast parser at all.
 */
import fc from 'fast-check';

const quotes = fc.array(fc.constantFrom('> ', '>', ' > '), { maxLength: 2 }).map((parts) => parts.join(''));
const indent = fc.constantFrom('', '', '', ' ', '  ', '   ', '    ', '      ');
const markers = fc.array(fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '10. ', '-  ', '1.  '), { maxLength: 2 }).map((parts) => parts.join(''));
const prefix = fc.tuple(quotes, indent, markers).map(([q, i, m]) => `${q}${i}${m}`);

const checkbox = fc.constantFrom('[ ] ', '[x] ', '[X] ', '[/] ', '[-] ', '[ ]', '[x]', '[ x] ', '[] ', '[x]y ', '');

const rare = fc.constantFrom(
  'https://example.com/a_b*c', 'www.example.com', 'mail@example.com', '~~struck~~', '~one~', '(~2 hours)',
);
const common = fc.constantFrom(
  'task', 'Read *chapter* 2', '**bold** text', '_under_', '`code`', '``a ` b``', '[link](https://a.b)', '![img](i.png)',
  '<https://a.b>', 'https://a.b/c', '&amp;', '&copy;', '&#35;', '&bogus;', '\\*', '\\[ ]', '<span>x</span>', '<!-- c -->', '[ref]', '[^1]', 'a  ', 'b\\',
  '✅ 2024-05-06', '| a | b |', 'Status', '|', '#', '*', '_', '[', ']', '<', '`', '🟡', 'é', '',
);
const inline = fc.oneof({ weight: 12, arbitrary: common }, { weight: 1, arbitrary: rare });
const text = fc.array(inline, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));

const block = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(checkbox, text).map(([box, t]) => `${box}${t}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('# ', '## ', '### ', '####### ', '#'), text).map(([h, t]) => `${h}${t}`) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '---', '***', '* * *', '___', '===', '-', '```', '~~~', '```md', '<details>', '</details>', '<div>', '</div>', '<!--', '-->',
      '[ref]: https://a.b', '[^1]: note', '| Task | Status |', '| --- | --- |', '|---|---|', '| a | ✅ |', 'a | b', '-|-', '',
    ),
  },
);

/** One line: a container prefix and a block. */
const line = fc.tuple(prefix, block, fc.constantFrom('', '', '', '', '  ', '\t')).map(([p, b, end]) => `${p}${b}${end}`);

/** A document of 1–25 such lines. */
export const lineSoup: fc.Arbitrary<string> = fc.array(line, { minLength: 1, maxLength: 25 }).map((lines) => `${lines.join('\n')}\n`);
