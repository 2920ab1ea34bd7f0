// The tables the benchmarks print: Markdown, columns padded to their widest
// cell (counted in characters, so "✔" and accents take one place each).

/** `lines[0]` is the head; every cell is printed with String(). */
export function markdownTable(lines) {
  const text = lines.map((line) => line.map(String));
  const width = text[0].map((_, i) => Math.max(...text.map((l) => [...l[i]].length)));
  const row = (l) => `| ${l.map((cell, i) => cell + ' '.repeat(width[i] - [...cell].length)).join(' | ')} |`;
  return [row(text[0]), `|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...text.slice(1).map(row)].join('\n');
}
