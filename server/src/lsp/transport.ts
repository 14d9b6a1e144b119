// The stdio transport, made resilient to garbage on the wire. The protocol
// library's reader, on a malformed header, reports the error and then leaves
// the rest of that chunk unread until more bytes arrive, so a valid message
// sent right after garbage would sit unanswered. This reader reads on at once.
import { StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import type { Connection } from 'vscode-languageserver';

class ResilientStreamReader extends StreamMessageReader {
  private resyncing = false;

  protected override fireError(error: unknown): void {
    super.fireError(error);
    if (this.resyncing) return;
    this.resyncing = true;
    setImmediate(() => {
      this.resyncing = false;
      // onData is private in the typings; feeding it no bytes re-runs its parse loop.
      (this as unknown as { onData(data: Uint8Array): void }).onData(new Uint8Array(0));
    });
  }
}

export function stdioStreams(): [StreamMessageReader, StreamMessageWriter] {
  return [new ResilientStreamReader(process.stdin), new StreamMessageWriter(process.stdout)];
}

/**
 * What the library does for `--stdio` itself: exit when the client closes stdin
 * (0 after a shutdown request), and route console output to the client's log,
 * since stdout carries the protocol.
 */
export function adoptStdio(connection: Connection): void {
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  const exit = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(' '));
  console.info = (...a: unknown[]) => connection.console.info(a.map(String).join(' '));
  console.warn = (...a: unknown[]) => connection.console.warn(a.map(String).join(' '));
  console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(' '));
}
