// What every match of a /regex/ entry starts with (V8Entry.starts: lower-case
// letters, digits and single spaces, one string per alternative), as one
// character trie. Checked at each offset where the entry is tried, before its
// pattern runs: a walk takes each character once, where comparing the strings
// in turn read a shared opening ("will " of "will open", "will extend", …) once
// per string, a few hundred thousand times a corpus.

/** Characters a space of a pattern may match (LINE_SPACE in source.ts; "\r" alone too, which only widens the check). */
const isPatternSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x0a || c === 0x0d;

interface StartNode {
  /** The characters (a space for a run of them) leading on, and the node each leads to. */
  codes: number[];
  next: StartNode[];
  /** A start ends here. */
  end: boolean;
}

export class Starts {
  private readonly root: StartNode = { codes: [], next: [], end: false };

  constructor(starts: readonly string[]) {
    for (const s of starts) {
      let node = this.root;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        let k = node.codes.indexOf(c);
        if (k < 0) {
          k = node.codes.push(c) - 1;
          node.next.push({ codes: [], next: [], end: false });
        }
        node = node.next[k];
      }
      node.end = true;
    }
  }

  /**
   * Whether the text at `at` starts with one of the starts: letters as "i" and
   * "iu" match them (ASCII case, and "ſ" and the Kelvin sign, which "iu" folds
   * to "s" and "k"), a space as one or more spaces or line breaks.
   */
  test(text: string, at: number): boolean {
    let node = this.root;
    let t = at;
    while (!node.end) {
      let c = text.charCodeAt(t);
      if (isPatternSpace(c)) {
        c = 0x20;
        do t++;
        while (t < text.length && isPatternSpace(text.charCodeAt(t)));
      } else {
        if (c >= 0x41 && c <= 0x5a) c += 0x20;
        else if (c === 0x17f) c = 0x73;
        else if (c === 0x212a) c = 0x6b;
        t++;
      }
      // A loop, not indexOf: a node has a few codes, and the call cost more than the search.
      const { codes } = node;
      let k = 0;
      while (k < codes.length && codes[k] !== c) k++;
      if (k === codes.length) return false;
      node = node.next[k];
    }
    return true;
  }
}

/** Whether the text at `at` starts with one of `starts` (see Starts.test); for the tests, which hold every match of an entry to it. */
export function startsWithOne(text: string, at: number, starts: readonly string[]): boolean {
  return new Starts(starts).test(text, at);
}
