/**
 * Astro integration: an `.mdx` file that does not compile stops the build
 * with one line a learner can act on, the same as `npm run check:content`
 * prints: `content/notes/x.mdx:10:1 Unexpected character after `<`, … [mdx-syntax]`
 * (rather than a stack trace from deep inside the MDX compiler).
 */
import { relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { formatMessage } from '../cli/format-check.ts';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import { mdxSyntaxError } from '../lib/links/page-links.ts';

export default function mdxErrors(): AstroIntegration {
  return {
    name: 'portfolio:mdx-errors',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [{
              name: 'portfolio:mdx-errors',
              enforce: 'pre',
              transform(code: string, id: string) {
                if (!id.endsWith('.mdx')) return null;
                const path = relative(process.cwd(), id).split('\\').join('/');
                const error = mdxSyntaxError(path, splitFrontmatter(path, code.replace(/\r\n?/g, '\n')).body);
                if (error) throw new Error(`${formatMessage(error)}\nThe build stopped: fix the MDX syntax (or run npm run check:content to see every problem).`);
                return null;
              },
            }],
          },
        });
      },
    },
  };
}
