// Globals the shared server code takes from Node, for the Web Worker build
// (esbuild injects this module wherever they are used): `setImmediate`, by
// which a long workspace sweep yields so requests are answered meanwhile (a
// MessageChannel, which browsers do not clamp as they clamp setTimeout), and a
// `process` whose working directory is the root of the path space (an untitled
// document's folder). Nothing here reads a file.
type Task = () => void;

const tasks: Task[] = [];
let channel: InstanceType<typeof MessageChannel> | undefined;

export function setImmediate(fn: (...args: unknown[]) => void, ...args: unknown[]): number {
  if (!channel) {
    channel = new MessageChannel();
    // addEventListener on a MessagePort needs start(); the onmessage setter starts it.
    (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => tasks.shift()?.();
  }
  tasks.push(() => fn(...args));
  channel.port2.postMessage(undefined);
  return 0;
}

export const process = {
  cwd: () => '/',
  env: {} as Record<string, string | undefined>,
  platform: 'browser',
  argv: [] as string[],
};
