/**
 * Splits the gateway's text into lines.
 * - A line ends at CR, LF or CRLF (also when the CR and the LF arrive in different chunks).
 * - Empty lines are dropped; trailing whitespace is trimmed.
 * - Quote-aware: in an information line (one that starts with `^` or `+`, like `^SCDATA:`), a `"`
 *   that is still open at a line break means the break belongs to a quoted field (the meter's data
 *   block inside a `^SCDATA:` record). The line continues, and the inner break is kept as "\n".
 *   Only information lines get this treatment so that a stray quote in a banner or a login text
 *   cannot swallow the `OK` that follows; a size cap bounds a quote that never closes.
 */
export const DEFAULT_MAX_QUOTED_LINE = 256 * 1024;

export interface LineReaderOptions {
  /** A line with an open quote is cut (and the quote state reset) when it grows beyond this many characters. */
  maxQuotedLineLength?: number;
}

export class LineReader {
  private current = '';
  private inQuote = false;
  /** The previous character was a CR: a following LF is the second half of CRLF, not a new line. */
  private afterCr = false;
  private readonly maxQuoted: number;

  constructor(options: LineReaderOptions = {}) {
    this.maxQuoted = options.maxQuotedLineLength ?? DEFAULT_MAX_QUOTED_LINE;
  }

  /** Feeds text; returns the lines completed by it, in order. */
  push(text: string): string[] {
    const lines: string[] = [];
    for (const char of text) {
      if (char === '\n' && this.afterCr) {
        this.afterCr = false;
        continue;
      }
      this.afterCr = char === '\r';
      if (char === '\r' || char === '\n') this.lineBreak(lines);
      else this.append(char, lines);
    }
    return lines;
  }

  /** Text received since the last complete line (a prompt without a line break, or an open quoted field). */
  get partial(): string {
    return this.current;
  }

  /** Forgets any partial line (after a login dialogue, or on resync). */
  reset(): void {
    this.current = '';
    this.inQuote = false;
    this.afterCr = false;
  }

  private append(char: string, lines: string[]): void {
    this.current += char;
    if (char === '"' && this.quoteAware()) this.inQuote = !this.inQuote;
    if (this.inQuote && this.current.length > this.maxQuoted) this.finish(lines);
  }

  private lineBreak(lines: string[]): void {
    if (this.inQuote) this.current += '\n';
    else this.finish(lines);
  }

  private quoteAware(): boolean {
    const first = this.current.trimStart().charAt(0);
    return first === '^' || first === '+';
  }

  private finish(lines: string[]): void {
    const line = this.current.trimEnd();
    this.current = '';
    this.inQuote = false;
    // A line of only whitespace is an empty line too.
    if (line.trim() !== '') lines.push(line);
  }
}
