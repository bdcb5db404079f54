/**
 * Other spellings of a name's word: the romanisations news writes for the same Cyrillic (and
 * similar) name differ by more than one letter (Yevgeny/Evgenii, Aleksandr/Alexander,
 * Zelenskyy/Zelenskiy/Zelensky), so words are compared by a key that forgets those differences.
 */

/**
 * A word's spelling key (the word folded to lower case): ks → x, kh → h, tch → ch, ou → u, a
 * final ff → v, doubled letters single, initial ye → e, then y → i and ii → i.
 * @example spellingKey("yevgeny") === spellingKey("evgenii") // "evgeni"
 */
function spellingKey(word: string): string {
  return word
    .replace(/ks/g, "x")
    .replace(/kh/g, "h")
    .replace(/tch/g, "ch")
    .replace(/ou/g, "u")
    .replace(/ff$/, "v")
    .replace(/(.)\1+/g, "$1")
    .replace(/^ye/, "e")
    .replace(/y/g, "i")
    .replace(/ii/g, "i")
    .replace(/ij$/, "i");
}

/** Edit distance of at most one, for words of five letters or more (shorter ones must be equal). */
function nearlyEqual(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1 || Math.min(a.length, b.length) < 5) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** Whether two folded words are the same name's word in another spelling (one edit, or the same spelling key give or take one). */
export function sameWord(a: string, b: string): boolean {
  if (nearlyEqual(a, b)) return true;
  const ka = spellingKey(a);
  const kb = spellingKey(b);
  return ka === kb ? a.length >= 3 : nearlyEqual(ka, kb);
}

/**
 * Spellings to look a word up by in a full-text index that holds names as written: the word,
 * and its variants for the differences spellingKey forgets (endings -y/-i/-iy/-ii/-yy, initial
 * ye-/e-, ks/x); each is searched with one edit allowed.
 * @example spellingVariants("evgenii") // includes "yevgeny"
 */
export function spellingVariants(word: string): string[] {
  const out = new Set([word]);
  const stems = new Set([word.replace(/(?:iy|yy|ii|ij|y|i)$/, "")]);
  for (const stem of [...stems]) {
    if (stem.includes("ks")) stems.add(stem.replace(/ks/g, "x"));
    if (stem.includes("x")) stems.add(stem.replace(/x/g, "ks"));
  }
  for (const stem of [...stems]) {
    if (stem.startsWith("ye")) stems.add(stem.slice(1));
    else if (stem.startsWith("e")) stems.add(`y${stem}`);
  }
  const ended = /(?:iy|yy|ii|ij|y|i)$/.test(word);
  for (const stem of stems) {
    if (stem.length < 3) continue;
    if (ended) for (const end of ["y", "i", "iy", "yy"]) out.add(stem + end);
    else out.add(stem);
  }
  return [...out].slice(0, 12);
}
