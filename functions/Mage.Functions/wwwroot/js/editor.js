// A plain textarea as the YAML editor, with a way to jump to a line and column.

/** The character offset of line:column (both 1-based) in text, clamped to the line. */
export function offsetOf(text, line, column) {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const end = text.indexOf('\n', offset);
  const lineEnd = end < 0 ? text.length : end;
  return Math.min(offset + Math.max(0, column - 1), lineEnd);
}

/** Focuses the textarea and selects the whole line, scrolled into view; the caret ends at the column. */
export function selectLine(textarea, line, column = 1) {
  const text = textarea.value;
  const start = offsetOf(text, line, 1);
  const end = text.indexOf('\n', start);
  textarea.focus();
  textarea.setSelectionRange(start, end < 0 ? text.length : end, 'forward');
  // Scroll the line into view: the textarea's line height times the line index.
  const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 18;
  textarea.scrollTop = Math.max(0, (line - 3) * lineHeight);
  textarea.dataset.selectedLine = String(line);
  textarea.dataset.selectedColumn = String(column);
}
