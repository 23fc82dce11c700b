import { z } from 'astro/zod';

/** A folder or file name used in URLs: lower case letters, digits and single hyphens, e.g. `backend-engineering`. */
export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Expected lower-case words joined by hyphens, such as "backend-engineering"');

/** A calendar date written `YYYY-MM-DD` (YAML reads it as a date), e.g. `2025-01-06`. */
export const day = z.coerce.date();

/** A number of hours, e.g. `12` or `7.5`. */
export const hours = z.number().nonnegative();

/** Short lower-case topics, e.g. `["http", "caching"]`; empty when left out. */
export const tags = z.array(z.string().trim().min(1)).default([]);
