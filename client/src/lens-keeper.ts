// Makes sure VS Code really asks for a document's code lens (the coverage line
// at the title) after its coverage changed. VS Code's code-lens controller
// debounces each fetch (250 ms or more) and *cancels* a scheduled fetch when
// the editor loses focus; it asks again only on focus, an edit or a
// provider-change event. So a strategy opened and left at once (focus to the
// Problems panel, the Explorer, a terminal) kept no lens, though the server had
// already sent its one workspace/codeLens/refresh. The keeper counts, per
// document, coverage changes against completed fetches, and while a shown
// document's lens is stale it signals the change again, on a short backoff,
// until VS Code has fetched (an editor without focus fetches on that signal).
// No `vscode` import: the host supplies the editor's side, so tests can drive it.

export interface LensKeeperHost {
  /** Is the document shown in an editor that displays code lenses? */
  shown(uri: string): boolean;
  /** Signal that the lenses of these documents changed (onDidChangeCodeLenses). */
  fire(uris: string[]): void;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Waits before signalling again while a shown document's lens is stale; then the keeper gives up. */
export const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000];

export class LensKeeper {
  /** Per document: coverage changes so far, and how many of them a completed fetch has seen. */
  private readonly changes = new Map<string, number>();
  private readonly seen = new Map<string, number>();
  private timer: unknown;
  private attempt = 0;

  constructor(
    private readonly host: LensKeeperHost,
    private readonly delays: readonly number[] = RETRY_DELAYS_MS,
  ) {}

  /** The server linted `uri` afresh (its coverage notification): its lens may have changed. */
  changed(uri: string): void {
    this.changes.set(uri, (this.changes.get(uri) ?? 0) + 1);
    this.watch();
  }

  /** VS Code starts fetching lenses for `uri`; call the result when that fetch completed (not cancelled). */
  fetching(uri: string): () => void {
    const upTo = this.changes.get(uri) ?? 0;
    return () => {
      if (this.changes.has(uri) && upTo > (this.seen.get(uri) ?? 0)) this.seen.set(uri, upTo);
      if (!this.stale().length) this.stop();
    };
  }

  /** Check again from the first delay (a change, or editors shown or hidden). */
  watch(): void {
    this.attempt = 0;
    this.schedule();
  }

  /** The document closed. */
  forget(uri: string): void {
    this.changes.delete(uri);
    this.seen.delete(uri);
  }

  dispose(): void {
    this.stop();
  }

  /** Shown documents whose latest coverage change no completed fetch has seen. */
  stale(): string[] {
    const out: string[] = [];
    for (const [uri, n] of this.changes) if (n > (this.seen.get(uri) ?? 0) && this.host.shown(uri)) out.push(uri);
    return out;
  }

  private schedule(): void {
    this.stop();
    if (this.attempt >= this.delays.length || !this.stale().length) return;
    this.timer = this.host.setTimeout(() => {
      this.timer = undefined;
      const stale = this.stale();
      if (!stale.length) return;
      this.attempt++;
      this.host.fire(stale);
      this.schedule();
    }, this.delays[this.attempt]);
  }

  private stop(): void {
    if (this.timer !== undefined) this.host.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
