/**
 * Bulgarian light stemming after J. Savoy, "Searching strategies for the Bulgarian language" (Information
 * Retrieval 10, 2007), in the form Lucene's BulgarianStemmer gives it: the definite article, then plural
 * endings (restoring the consonant a plural changed: -ци → -к, -зи → -г, -си → -х), then a final vowel.
 * Written here because @orama/stemmers' port writes into a JavaScript string and throws on such words.
 * Two changes, for a course's vocabulary: no е → я swap for -е…и plurals (it turned "модели" into
 * "модял", away from "модел"), and -ове, -ци, -зи come off five- and six-letter words too ("чатове",
 * "езици").
 */

function endsWith(letters: readonly string[], length: number, suffix: string): boolean {
  return length >= suffix.length && letters.slice(length - suffix.length, length).join('') === suffix;
}

/** The length of the word without its definite article (-ият, -ът, -то, -те, -та, -ия, -ят). */
function withoutArticle(letters: readonly string[], length: number): number {
  if (length > 6 && endsWith(letters, length, 'ият')) return length - 3;
  if (length > 5 && ['ът', 'то', 'те', 'та', 'ия'].some((suffix) => endsWith(letters, length, suffix))) return length - 2;
  if (length > 4 && endsWith(letters, length, 'ят')) return length - 2;
  return length;
}

/** The length of the word without a plural ending; a consonant the plural changed is put back in `letters`. */
function withoutPlural(letters: string[], length: number): number {
  if (length > 5 && endsWith(letters, length, 'ове')) return length - 3;
  if (length > 6) {
    if (endsWith(letters, length, 'овци')) return length - 3;
    if (endsWith(letters, length, 'еве')) {
      letters[length - 3] = 'й';
      return length - 2;
    }
  }
  const softened = length > 4 ? { ци: 'к', зи: 'г' }[letters.slice(length - 2, length).join('')] : undefined;
  if (softened) {
    letters[length - 2] = softened;
    return length - 1;
  }
  if (length > 5) {
    if (endsWith(letters, length, 'ища')) return length - 3;
    if (endsWith(letters, length, 'та')) return length - 2;
  }
  if (length > 4) {
    if (endsWith(letters, length, 'си')) {
      letters[length - 2] = 'х';
      return length - 1;
    }
    if (endsWith(letters, length, 'и')) return length - 1;
  }
  return length;
}

/** A Bulgarian word (lower case) reduced to its light stem: "контейнерите" and "контейнер" meet. */
export function stemBulgarian(word: string): string {
  const letters = [...word];
  let length = letters.length;
  if (length < 4) return word;
  if (length > 5 && endsWith(letters, length, 'ища')) return letters.slice(0, length - 3).join('');
  length = withoutPlural(letters, withoutArticle(letters, length));
  if (length > 3) {
    if (endsWith(letters, length, 'я')) length--;
    if (['а', 'о', 'е'].some((vowel) => endsWith(letters, length, vowel))) length--;
  }
  if (length > 4 && endsWith(letters, length, 'ен')) {
    letters[length - 2] = 'н';
    length--;
  }
  if (length > 5 && letters[length - 2] === 'ъ') {
    letters[length - 2] = letters[length - 1]!;
    length--;
  }
  return letters.slice(0, length).join('');
}
