// MCP's stdio transport (one JSON-RPC message per line), made to outlive
// garbage on the wire. The SDK's own StdioServerTransport closes the
// connection for good when a line grows past 10 MB (a long strategy sent as
// `text`, or a stray binary), answers nothing to a line that is not JSON (the
// client waits for ever), and joins and searches its whole buffer again on
// every chunk: a 9.5 MB message took 0.9 s to buffer, ~60 ms here (parse
// included). This one answers a bad line with a JSON-RPC error (-32700 parse
// error, -32600 invalid request, with the request's id when it has one),
// skips an over-long line to its end and says so, and keeps each line's
// chunks until the line ends.
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { megabytes } from '../engine/limits';

/** The largest message read: a strategy at the engine's 50 MB cap, with room for JSON escapes. */
export const MESSAGE_MAX_BYTES = 64 * 1024 * 1024;

export class LineTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  private chunks: Buffer[] = [];
  private size = 0;
  /** Inside a line that went over the limit: drop bytes until it ends. */
  private skipping = false;
  private closed = false;
  /** The client stopped reading (EPIPE): nothing more can be sent. */
  private gone = false;

  constructor(
    private readonly input: NodeJS.ReadableStream = process.stdin,
    private readonly output: NodeJS.WritableStream = process.stdout,
    private readonly maxBytes = MESSAGE_MAX_BYTES,
  ) {}

  async start(): Promise<void> {
    this.input.on('data', this.onData);
    this.input.on('end', this.onEnd);
    this.input.on('error', this.onStreamError);
    // A client that has gone away (EPIPE) ends the session, not the process with a stack trace.
    this.output.on('error', this.onOutputError);
  }

  /** Answers still go out after stdin ends (`printf … | commissioning-lint --mcp`): only a broken stdout stops them. */
  send(message: JSONRPCMessage): Promise<void> {
    if (this.gone) return Promise.resolve();
    return new Promise((resolve) => {
      if (this.output.write(JSON.stringify(message) + '\n')) resolve();
      else this.output.once('drain', resolve);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.input.off('data', this.onData);
    this.input.off('end', this.onEnd);
    this.input.off('error', this.onStreamError);
    this.chunks = [];
    this.onclose?.();
  }

  private readonly onEnd = () => void this.close();

  private readonly onOutputError = () => {
    this.gone = true;
    void this.close();
  };

  private readonly onStreamError = (err: Error) => this.onerror?.(err);

  private readonly onData = (chunk: Buffer | string) => {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let from = 0;
    for (let nl = buf.indexOf(10, from); nl >= 0; nl = buf.indexOf(10, from)) {
      const tail = buf.subarray(from, nl);
      from = nl + 1;
      if (this.skipping) {
        this.skipping = false;
        continue;
      }
      if (!this.keep(tail)) continue;
      const line = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.size);
      this.chunks = [];
      this.size = 0;
      this.handle(line.toString('utf8'));
    }
    if (from < buf.length) this.keep(buf.subarray(from));
  };

  /** Adds part of the current line; false (and an error sent) once the line is too long. */
  private keep(part: Buffer): boolean {
    if (this.skipping) return false;
    if (this.size + part.length > this.maxBytes) {
      this.chunks = [];
      this.size = 0;
      this.skipping = true;
      this.reply(null, ErrorCode.InvalidRequest, `message over the ${megabytes(this.maxBytes)} limit; it was skipped`);
      return false;
    }
    this.chunks.push(part);
    this.size += part.length;
    return true;
  }

  private handle(line: string): void {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      this.reply(null, ErrorCode.ParseError, `Parse error: ${(err as Error).message}`);
      return;
    }
    const parsed = JSONRPCMessageSchema.safeParse(value);
    if (!parsed.success) {
      const v = value as { id?: unknown; method?: unknown; result?: unknown; error?: unknown } | null;
      const isObject = !!v && typeof v === 'object' && !Array.isArray(v);
      // A malformed response of the client's gets no answer (answering answers would never end).
      if (isObject && v.method === undefined && (v.result !== undefined || v.error !== undefined)) {
        this.onerror?.(new Error('malformed response from the client'));
        return;
      }
      const id = isObject && (typeof v.id === 'string' || typeof v.id === 'number') ? v.id : null;
      this.reply(id, ErrorCode.InvalidRequest, 'Invalid request: not a JSON-RPC 2.0 request or notification');
      return;
    }
    this.onmessage?.(parsed.data);
  }

  private reply(id: string | number | null, code: number, message: string): void {
    // The protocol's types want an id; JSON-RPC 2.0 answers an unreadable request with id null.
    void this.send({ jsonrpc: '2.0', id, error: { code, message } } as unknown as JSONRPCMessage);
  }
}
