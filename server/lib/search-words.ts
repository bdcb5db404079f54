/** How names and typed text become search words and name keys: one definition for the loader (which writes `nameKeys`) and for search (which looks them up). */

/**
 * Lucene's English stop words (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET), the ones the
 * `standard-folding` analyzer of the text index drops. Search ignores them too, so "the SCO"
 * asks for the same as "SCO".
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  "a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with".split(
    " ",
  ),
);

/** Letters that Unicode does not decompose but Lucene's ASCIIFoldingFilter folds (the common ones). */
const FOLDS: Record<string, string> = { ø: "o", ł: "l", đ: "d", ð: "d", ß: "ss", æ: "ae", œ: "oe", þ: "th", ı: "i" };

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Lower case, without diacritics, as the indexes' analyzers fold: "Sergeï Šoigu" → "sergei soigu".
 * @example fold("Łódź") === "lodz"
 */
export function fold(text: string): string {
  // Plain ASCII has nothing to decompose or fold: most names and claims, read for every hit.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[øłđðßæœþı]/g, (char) => FOLDS[char] ?? char);
}

/**
 * The folded words of a text: runs of letters and digits. A possessive "'s" is dropped and dotted
 * initials are joined, so "Lavrov's" is "lavrov" and "U.S." is "us", like the alias "US".
 * @example words("The U.S. and Lavrov's visit") // ["the", "us", "and", "lavrov", "visit"]
 */
export function words(text: string): string[] {
  return fold(text)
    .replace(/(?<=[\p{L}\p{N}])['’]s(?![\p{L}\p{N}])/gu, "")
    .replace(/(?<![\p{L}\p{N}])(?:\p{L}\.){2,}/gu, (initials) => initials.replaceAll(".", ""))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** The words that carry meaning: all but stop words, or all of them when every one is a stop word ("The Who"). */
export function contentWords(list: readonly string[]): string[] {
  const content = list.filter((word) => !STOP_WORDS.has(word));
  return content.length > 0 ? content : [...list];
}

/**
 * Lucene refuses terms over 32 KB and the keyword index keeps a whole key as one term: keys are
 * cut well below that (a name is never this long; a pathological title must not fail a load).
 */
const MAX_KEY_LENGTH = 200;

/**
 * The normalised form of a name that an exact search compares: its content words, folded, joined
 * by single spaces. "Belt and Road Forum" and "belt road forum" have the same key; so do
 * "the SCO" and "SCO". Null when the name has no word.
 * @example nameKey("The Belt and Road Forum") === "belt road forum"
 */
export function nameKey(name: string): string | null {
  const key = contentWords(words(name)).join(" ");
  if (key.length === 0) return null;
  if (key.length <= MAX_KEY_LENGTH) return key;
  const cut = key.slice(0, MAX_KEY_LENGTH);
  return cut.includes(" ") ? cut.slice(0, cut.lastIndexOf(" ")) : cut;
}

/**
 * The keys of a node's name and aliases, without repeats: what the loader stores as `nameKeys`
 * and the search indexes read.
 * @example nameKeys("Shanghai Cooperation Organisation", ["SCO"]) // ["shanghai cooperation organisation", "sco"]
 */
export function nameKeys(name: string, aliases: readonly string[] = []): string[] {
  return [...new Set([name, ...aliases].map(nameKey).filter((key): key is string => key !== null))];
}
