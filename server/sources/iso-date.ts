/** A publication date as documents write it (ISO, `2024/11/18`, PDF's `D:20241118…`, RFC 2822) → ISO 8601, no more precise than given. */

/**
 * @example isoDate("2024/11/18") === "2024-11-18"
 * @example isoDate("D:20241118093000Z") === "2024-11-18T09:30:00Z"
 * @example isoDate("Mon, 18 Nov 2024 10:00:00 GMT") === "2024-11-18T10:00:00.000Z"
 * @example isoDate("soon") === undefined
 */
export function isoDate(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?/.exec(text);
  if (pdf) {
    const [, y, mo, d, h, mi, s] = pdf;
    if (!mo) return y;
    if (!d) return `${y}-${mo}`;
    return h ? `${y}-${mo}-${d}T${h}:${mi ?? "00"}:${s ?? "00"}Z` : `${y}-${mo}-${d}`;
  }
  const plain = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(text);
  if (plain) {
    const [, y, mo, d] = plain;
    const pad = (part: string) => part.padStart(2, "0");
    if (mo && (Number(mo) < 1 || Number(mo) > 12)) return undefined;
    if (d && (Number(d) < 1 || Number(d) > 31)) return undefined;
    return [y, mo && pad(mo), d && pad(d)].filter(Boolean).join("-");
  }
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$/.test(text) && !Number.isNaN(Date.parse(text))) return text;
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
}
