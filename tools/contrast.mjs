#!/usr/bin/env node
// Prints the WCAG contrast ratio of colour pairs: `node tools/contrast.mjs '#818b98' '#ffffff' …` (pairs).
const channel = (v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
export function luminance(hex) {
  const n = hex.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => channel(parseInt(n.slice(i, i + 2), 16) / 255));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  for (let i = 0; i + 1 < args.length; i += 2) console.log(`${args[i]} on ${args[i + 1]}: ${contrast(args[i], args[i + 1]).toFixed(2)}:1`);
}
