// A /regex/ phrase that did not come with the tool: it runs on RE2 (re2js, a
// linear-time engine), so no pattern a workspace supplies — "(a+)+b" or
// "(\w+\s?)+;" — can make one lint take minutes. Built-in packs' patterns are
// reviewed with the code and keep V8's engine. RE2 has no lookaround or
// back-references; a pattern needing them is refused with a clear problem.
import { RE2JS } from 're2js';

export class BoundedRegExp {
  private readonly re: RE2JS;

  /** `source`: the pattern between the slashes. Throws (with RE2's reason) when it cannot run in linear time. */
  constructor(readonly source: string) {
    this.re = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  }

  /** Why a pattern cannot run here, if it cannot. */
  static error(source: string): string | undefined {
    try {
      RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
      return undefined;
    } catch (err) {
      const why = (err as Error).message.replace(/^error parsing regexp: /, '');
      return `${why} (workspace patterns run on a linear-time engine, which has no lookaround or back-references)`;
    }
  }

  /**
   * A match at every position one starts (what a sticky search at each offset
   * finds), empty ones included, until `on` returns false; `next` gives the
   * position after a start (by code point, so never inside a surrogate pair).
   */
  everyStart(text: string, on: (start: number, end: number) => boolean, next: (text: string, at: number) => number): void {
    const m = this.re.matcher(text);
    for (let from = 0; from <= text.length && m.find(from); from = next(text, m.start())) if (!on(m.start(), m.end())) return;
  }
}
