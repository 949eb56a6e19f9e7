/** One line of the table: the kit's figure, the baseline's, from the same run. */
export interface Row {
  row: number;
  group: string;
  label: string;
  unit: string;
  kit: number | null;
  baseline: number | null;
  /** How the ratio reads: baseline ÷ kit when lower is better, kit ÷ baseline when higher is better. */
  better: 'lower' | 'higher';
  note?: string;
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;
