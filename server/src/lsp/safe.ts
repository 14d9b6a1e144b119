// Wraps every handler so that a bug or a hostile request costs one empty answer
// and a line in the client's log, never the server process.
import type { Connection } from 'vscode-languageserver';

export type Logger = (where: string, err: unknown) => void;

export function makeLogger(connection: Connection): Logger {
  return (where, err) => {
    const e = err as Error;
    try {
      connection.console.error(`commissioning-lint: ${where} failed: ${e?.stack ?? e?.message ?? String(err)}`);
    } catch {
      // The connection itself is gone; nothing left to tell.
    }
  };
}

/** A request handler that answers `fallback` instead of throwing or rejecting. */
export function safe<A extends unknown[], R, F>(log: Logger, where: string, fallback: F, handler: (...args: A) => R | Promise<R>): (...args: A) => Promise<R | F> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (err) {
      // Cancellation is an answer, not a failure: let the library report it.
      if (isCancellation(err)) throw err;
      log(where, err);
      return fallback;
    }
  };
}

/** A notification handler that logs instead of throwing. */
export function safeNotify<A extends unknown[]>(log: Logger, where: string, handler: (...args: A) => unknown): (...args: A) => void {
  return (...args: A) => {
    try {
      const r = handler(...args);
      if (r && typeof (r as Promise<unknown>).catch === 'function') (r as Promise<unknown>).catch((err) => log(where, err));
    } catch (err) {
      log(where, err);
    }
  };
}

function isCancellation(err: unknown): boolean {
  return !!err && typeof err === 'object' && (err as { code?: number }).code === -32800;
}
