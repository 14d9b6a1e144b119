// Warms the server's hot code while it is idle after start-up. A server that has
// linted little lints the first large strategy at about two thirds of its warm
// speed, as V8 compiles and re-compiles the parser, model and recognisers for
// shapes it had not met, and the policy compiles on first use what its lists
// need (regex entries, their tries, WCC patterns). So after `initialized` the
// server lints a few real strategies (warm-up-samples.ts) with the policy a
// document of the workspace would get, one lint per step, each step only after
// a quiet spell: never while requests arrive, and a request that comes in
// mid-step waits for one small lint at most. The parse caches are its own.
import { analyse, lintAnalysis, LruCache, type Policy } from '../core';

export interface WarmUpOptions {
  /** How many times each sample is linted. */
  rounds: number;
  /** How long the server must have been left alone before a step runs. */
  quietMs: number;
}

export const WARM_UP: WarmUpOptions = { rounds: 2, quietMs: 150 };

export class WarmUp {
  /** Lints done so far: sample `done % samples.length` of round `done / samples.length` is next. */
  private done = 0;
  private timer: NodeJS.Timeout | undefined;
  private lastActivity = 0;

  constructor(
    private readonly samples: readonly string[],
    /** The policy a document of the workspace gets (undefined: none loads, nothing to warm). */
    private readonly policy: () => Policy | undefined,
    private readonly opts: WarmUpOptions = WARM_UP,
  ) {}

  get finished(): boolean {
    return this.done >= this.opts.rounds * this.samples.length;
  }

  /** Begins stepping (after `initialized`). */
  start(): void {
    this.lastActivity = Date.now();
    this.schedule(this.opts.quietMs);
  }

  /** Something was asked of the server: the next step waits for another quiet spell. */
  activity(): void {
    this.lastActivity = Date.now();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.done = this.opts.rounds * this.samples.length;
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => this.step(), ms);
    // A server asked to exit does not stay for its warm-up.
    this.timer.unref?.();
  }

  private step(): void {
    this.timer = undefined;
    if (this.finished) return;
    const quiet = Date.now() - this.lastActivity;
    if (quiet < this.opts.quietMs) return this.schedule(this.opts.quietMs - quiet);
    try {
      this.lintOnce();
    } catch {
      // The warm-up is an optimisation: a failure ends it, and a real lint reports any bug.
      return this.stop();
    }
    this.done++;
    if (this.finished) this.stop();
    else this.schedule(0);
  }

  /** One lint as the server runs it, with a parse cache of its own (chunks parsed afresh). */
  private lintOnce(): void {
    const policy = this.policy();
    if (!policy) throw new Error('no policy');
    const ctx = { fileName: `/warm-up/strategy-${this.done}.md`, policy, cache: new LruCache({ maxWeight: 1_000_000, weigh: (key: string) => key.length }) };
    lintAnalysis(analyse(this.samples[this.done % this.samples.length], ctx), ctx);
  }
}
