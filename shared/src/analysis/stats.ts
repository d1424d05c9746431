/** Small numeric helpers shared by the rules. */

export interface Point {
  x: number;
  y: number;
}

export interface LinearFit {
  slope: number;
  intercept: number;
}

/**
 * Ordinary least squares. Uses the sums formula so that integer inputs give an exactly rounded
 * slope (one division), which keeps threshold comparisons at the boundary predictable.
 * Returns null for fewer than two distinct x values.
 */
export function leastSquares(points: readonly Point[]): LinearFit | null {
  return leastSquaresOf(points, (p) => p.x, (p) => p.y);
}

/**
 * `leastSquares` over items without building a point per item (same sums in the same order, so
 * the same result to the last bit).
 */
export function leastSquaresOf<T>(items: readonly T[], xOf: (item: T) => number, yOf: (item: T) => number): LinearFit | null {
  const n = items.length;
  let sx = 0;
  let sy = 0;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const x = xOf(items[i]);
    const y = yOf(items[i]);
    sx += x;
    sy += y;
    sxy += x * y;
    sxx += x * x;
  }
  const denominator = n * sxx - sx * sx;
  if (n < 2 || denominator === 0) return null;
  const slope = (n * sxy - sx * sy) / denominator;
  return { slope, intercept: (sy - slope * sx) / n };
}

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** "42%" */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Locale-independent amount: 1250000 -> "1,250,000". */
export function amount(value: number): string {
  const sign = value < 0 ? '-' : '';
  const whole = Math.round(Math.abs(value)).toString();
  return sign + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Joins items as "a, b and c". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
