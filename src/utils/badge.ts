/** Badge colours by percent, the shields.io palette. */
export function badgeColour(percent: number): string {
  if (percent >= 100) return '#44cc11';
  if (percent >= 66) return '#97ca00';
  if (percent >= 33) return '#dfb317';
  return '#e05d44';
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Rough width of text in 11px Verdana, enough to size a badge. */
function textWidth(text: string): number {
  return Math.ceil([...text].reduce((w, ch) => w + (/[ilj.:|!,']/.test(ch) ? 3.5 : /[mwMW%]/.test(ch) ? 10 : 7), 0));
}

/**
 * A flat two-part badge (`label | message`) as standalone SVG, with a
 * `<title>` and `aria-label` so it reads well where it is embedded.
 */
export function badgeSvg(label: string, message: string, colour: string): string {
  const left = textWidth(label) + 12;
  const right = textWidth(message) + 12;
  const width = left + right;
  const text = `${escape(label)}: ${escape(message)}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${text}">` +
    `<title>${text}</title>` +
    `<rect width="${left}" height="20" fill="#555"/><rect x="${left}" width="${right}" height="20" fill="${colour}"/>` +
    `<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle">` +
    `<text x="${left / 2}" y="14">${escape(label)}</text><text x="${left + right / 2}" y="14">${escape(message)}</text></g></svg>\n`;
}
