/**
 * How rendered markdown is finished for its page (src/utils/rendered-html.ts):
 * what the page's header already says is not said again.
 */
import { describe, expect, it } from 'vitest';
import { dropRepeatedLead, dropRepeatedTitle } from '../src/utils/rendered-html.ts';

describe('dropRepeatedLead', () => {
  const lead = 'Track all concepts you learn, week by week.';

  it('drops a first paragraph that says the lead again', () => {
    expect(dropRepeatedLead(`<p>${lead}</p>\n<p>More.</p>`, lead)).toBe('<p>More.</p>');
    // A rule that only set the dropped paragraph apart goes with it.
    expect(dropRepeatedLead(`<p>${lead}</p>\n<hr>\n<h2 id="x">Overview</h2>`, lead)).toBe('<h2 id="x">Overview</h2>');
  });

  it('drops a first heading that says the lead again (an imported subtitle), markup and emoji aside', () => {
    expect(dropRepeatedLead('<h2 id="from">🚀 From <em>React</em> to Node.js</h2>\n<p><strong>Timeline</strong>: 20 weeks</p>', 'From React to Node.js'))
      .toBe('<p><strong>Timeline</strong>: 20 weeks</p>');
  });

  it('reads the page\'s smart punctuation as typed: curly quotes, dashes and an ellipsis', () => {
    expect(dropRepeatedLead('<p>Track what you’ve learned – “every” week…</p><p>Rest.</p>', 'Track what you\'ve learned -- "every" week...')).toBe('<p>Rest.</p>');
  });

  it('keeps a block that says more than the lead, a later one, and everything without a lead', () => {
    const more = `<p>${lead} Update it every Friday!</p>`;
    expect(dropRepeatedLead(more, lead)).toBe(more);
    const later = `<p>First.</p><p>${lead}</p>`;
    expect(dropRepeatedLead(later, lead)).toBe(later);
    expect(dropRepeatedLead('<hr><p>Rest.</p>', lead)).toBe('<hr><p>Rest.</p>');
    expect(dropRepeatedLead(`<p>${lead}</p>`, undefined)).toBe(`<p>${lead}</p>`);
    expect(dropRepeatedLead(`<p>${lead}</p>`, '')).toBe(`<p>${lead}</p>`);
  });

  it('after the title is dropped, drops the lead under it', () => {
    const html = `<h1 id="t">📊 Learning Tracker</h1>\n<hr>\n<p>${lead}</p>\n<hr>\n<p>Rest.</p>`;
    expect(dropRepeatedLead(dropRepeatedTitle(html, 'Learning Tracker'), lead)).toBe('<p>Rest.</p>');
  });
});
