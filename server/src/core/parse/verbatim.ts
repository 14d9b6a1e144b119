// Line by line, whether text is inside a fenced code block or an HTML comment:
// nothing there is structure, so neither a chunk (chunks.ts) nor a piece given
// to remark (pieces.ts) may start inside one.
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export class VerbatimTracker {
  private fence: string | null = null;
  private comment = false;

  /** Reads the next line; true when it is inside, opens or closes a fence or comment. */
  line(text: string): boolean {
    if (this.fence) {
      const close = new RegExp(`^ {0,3}${this.fence[0] === '`' ? '`' : '~'}{${this.fence.length},}[ \\t]*$`);
      if (close.test(text)) this.fence = null;
      return true;
    }
    if (this.comment) {
      if (text.includes('-->')) this.comment = false;
      return true;
    }
    const f = FENCE.exec(text);
    if (f) {
      this.fence = f[1];
      return true;
    }
    if (text.includes('<!--') && !text.slice(text.lastIndexOf('<!--')).includes('-->')) {
      this.comment = true;
      return true;
    }
    return false;
  }

  /** Whether the next line starts inside a fence or comment. */
  get inside(): boolean {
    return this.fence !== null || this.comment;
  }
}
