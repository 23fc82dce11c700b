import { z } from 'astro/zod';
import { slug } from './fields.ts';

/** The learner's config file, at the root of their repository. */
export const CONFIG_FILE = 'portfolio.config.yaml';

/** A link shown under the author's name, e.g. `{ label: "GitHub", url: "https://github.com/ada" }`. */
const authorLink = z.object({
  /** The link's text, e.g. `"GitHub"`. */
  label: z.string().trim().min(1, 'Expected the link text, such as "GitHub"'),
  /** An absolute `https://` or `mailto:` address. */
  url: z.string().trim().regex(/^(?:https?:\/\/\S+|mailto:\S+@\S+)$/, 'Expected an address starting with https:// or mailto:'),
}).strict();

/** `owner/repo` on GitHub, e.g. `"ada/portfolio"`. */
const repository = z.string().trim().regex(/^[\w.-]+\/[\w.-]+$/, 'Expected "owner/repo", such as "ada/portfolio"');

/**
 * When progress over time begins: a commit id (7 to 64 hex digits), a day
 * `YYYY-MM-DD`, or a date and time in ISO 8601 (`2026-09-01T08:00:00Z`).
 * YAML reads an unquoted day as a date; both forms are accepted.
 */
const historyStart = z.union([
  z.date().transform((date) => date.toISOString()),
  z.string().trim().regex(
    /^(?:[0-9a-f]{7,64}|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)$/i,
    'Expected a commit id, a day such as "2026-09-01", or a date and time such as "2026-09-01T08:00:00Z"',
  ),
]);

/**
 * `portfolio.config.yaml`: what a learner sets once. Every key is optional;
 * unknown keys are errors, so a typo never goes unnoticed.
 */
export const configSchema = z.object({
  /** Shown in the header and after every page title. Default `"Learning portfolio"`. */
  name: z.string().trim().min(1, 'Expected a name, such as "Ada\'s learning portfolio"').default('Learning portfolio'),
  /** The default description for search engines and link previews. */
  description: z.string().trim().min(1, 'Expected a sentence').default('Progress through a self-directed curriculum, counted from its markdown checklists.'),
  /** Who the portfolio belongs to, shown in the footer with their links. */
  author: z.object({
    /** The learner's name, e.g. `"Ada Lovelace"`. */
    name: z.string().trim().min(1, 'Expected a name'),
    /** Profiles and contact, in the order shown. */
    links: z.array(authorLink).default([]),
  }).strict().nullable().default(null),
  /**
   * `owner/repo` of this portfolio on GitHub, for "Edit this page" links.
   * On GitHub Actions the workflow's own repository is used when this is unset.
   */
  repository: repository.nullable().default(null),
  /** Where `npm run upgrade` fetches new versions of the tool: a git URL or a folder. Written by `npm run init`. */
  upstream: z.string().trim().min(1, 'Expected a git URL or a folder').nullable().default(null),
  /** Progress over time. */
  history: z.object({
    /**
     * Commits up to and including this one (or before this moment) are not
     * your activity: they give no completion dates, streak days or pace.
     * Written by `npm run init`; null counts the whole history.
     */
    start: historyStart.nullable().default(null),
  }).strict().default({ start: null }),
  /**
   * Publish raw HTML written in markdown as it is, scripts and event
   * handlers included, instead of reducing it to GitHub's allowlist. Only
   * for HTML you wrote yourself: an imported tracker or a pasted snippet can
   * then run code in every visitor's browser. Default `false`.
   */
  rawHtml: z.boolean().default(false),
  /** Short labels for tracks in the navigation, by track folder, e.g. `{ backend-engineering: "Backend" }`. */
  nav: z.record(slug, z.string().trim().min(1, 'Expected a short label').max(24, 'Expected at most 24 characters')).default({}),
}).strict();

/** The learner's settings, validated, with defaults filled in. */
export type PortfolioConfig = z.infer<typeof configSchema>;
