/** Reading a classifier's output: probabilities from logits, the top guesses, and how far two outputs differ. */

/** The probability of each class from raw logits, summing to 1 (shifted by the maximum so large logits do not overflow). */
export function softmax(logits: ArrayLike<number>): number[] {
  const values = Array.from(logits);
  const max = Math.max(...values);
  const exps = values.map((value) => Math.exp(value - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((value) => value / sum);
}

/** One class the classifier considers (the digit, for MNIST) with its probability. */
export interface Guess {
  label: number;
  probability: number;
}

/** The `count` most likely classes, most likely first. */
export function topGuesses(logits: ArrayLike<number>, count = 3): Guess[] {
  return softmax(logits)
    .map((probability, label) => ({ label, probability }))
    .sort((a, b) => b.probability - a.probability)
    .slice(0, count);
}

/** The largest absolute difference between two outputs of the same length. */
export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}
