/** A console result table as CSV (RFC 4180): graph references become their ids, objects become JSON. */

/**
 * One cell as text.
 * @example cellText({ $node: "actor:wang-yi" }) === "actor:wang-yi"; cellText([1, 2]) === "[1,2]"
 */
export function cellText(value: unknown, labels?: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "object") {
    const ref = value as { $node?: unknown; $rel?: unknown; $path?: { nodes?: unknown[] } };
    if (typeof ref.$node === "string") return labels?.get(ref.$node) ?? ref.$node;
    if (typeof ref.$rel === "string") return labels?.get(ref.$rel) ?? ref.$rel;
    if (ref.$path && Array.isArray(ref.$path.nodes)) return ref.$path.nodes.join(" → ");
  }
  return JSON.stringify(value);
}

const quote = (text: string) =>
  /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;

/**
 * The whole table, header first, lines ended by CRLF.
 * @example toCsv(["name"], [["Wang, Yi"]]) === 'name\r\n"Wang, Yi"\r\n'
 */
export function toCsv(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [columns.map(quote).join(",")];
  for (const row of rows) lines.push(columns.map((_, index) => quote(cellText(row[index]))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** Offers text as a file download. */
export function download(filename: string, content: string | Blob, type = "text/plain"): void {
  const blob = typeof content === "string" ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
