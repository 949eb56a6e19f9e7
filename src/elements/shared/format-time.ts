/** How time left reads: `1 h 42 min` (short) or `1 hour 42 minutes` (long), and `1:52` in the warning window. */
export type TimeFormat = 'short' | 'long';

const plural = (value: number, one: string, many: string) => `${value} ${value === 1 ? one : many}`;

/**
 * Minutes, rounded up so the last minute never reads "0 min"; a zero minor unit is left out
 * ("1 h", not "1 h 0 min").
 */
export function formatDuration(seconds: number, format: TimeFormat = 'short'): string {
  const totalMinutes = Math.ceil(Math.max(0, seconds) / 60);
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const long = format === 'long';
  const d = (n: number) => (long ? plural(n, 'day', 'days') : `${n} d`);
  const h = (n: number) => (long ? plural(n, 'hour', 'hours') : `${n} h`);
  const m = (n: number) => (long ? plural(n, 'minute', 'minutes') : `${n} min`);
  if (days > 0) return hours > 0 ? `${d(days)} ${h(hours)}` : d(days);
  if (hours > 0) return minutes > 0 ? `${h(hours)} ${m(minutes)}` : h(hours);
  return m(minutes);
}

/** A running clock for the warning window: `1:52`, `0:09`, `1:00:00`. */
export function formatCountdown(seconds: number): string {
  const total = Math.max(0, Math.ceil(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secs}` : `${minutes}:${secs}`;
}

/** Screen readers hear the countdown only at these marks, not every second. */
export const ANNOUNCED_SECONDS: readonly number[] = [60, 30, 10];

/** Spoken form of a countdown: "1 minute 52 seconds". */
export function speakCountdown(seconds: number): string {
  const total = Math.max(0, Math.ceil(seconds));
  const minutes = Math.floor(total / 60);
  const secs = total % 60;
  if (minutes === 0) return plural(secs, 'second', 'seconds');
  return secs === 0 ? plural(minutes, 'minute', 'minutes') : `${plural(minutes, 'minute', 'minutes')} ${plural(secs, 'second', 'seconds')}`;
}
