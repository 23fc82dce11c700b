/** Values a generated frontmatter line may hold: text (always quoted), a whole number, or a `YYYY-MM-DD` day. */
export type FrontmatterValue = string | number | { day: string };

/**
 * Write a YAML frontmatter block, fences included, from ordered fields.
 * Text is double-quoted (JSON strings are valid YAML), so a title with `:`,
 * `#` or a leading `[` stays text; days stay bare so YAML reads them as dates.
 *
 * @param fields the fields in the order they should appear; undefined ones are left out
 */
export function frontmatterText(fields: Record<string, FrontmatterValue | undefined>): string {
  const lines = ['---'];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (typeof value === 'number') lines.push(`${key}: ${value}`);
    else if (typeof value === 'string') lines.push(`${key}: ${JSON.stringify(value)}`);
    else lines.push(`${key}: ${value.day}`);
  }
  lines.push('---', '');
  return lines.join('\n');
}
