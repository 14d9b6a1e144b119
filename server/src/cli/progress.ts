// "linting 340/1000 files" on stderr, for long runs at a terminal only: nothing
// when stderr is a pipe or a file (CI logs), and nothing for runs that finish
// before the first update is due, so short runs never flicker.
export interface Progress {
  tick(): void;
  done(): void;
}

const FIRST_AFTER_MS = 400;
const EVERY_MS = 100;

export function progress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total < 2) return { tick() {}, done() {} };
  const start = Date.now();
  let count = 0;
  let last = 0;
  let shown = false;
  return {
    tick() {
      count++;
      const now = Date.now();
      if (now - start < FIRST_AFTER_MS || now - last < EVERY_MS) return;
      last = now;
      shown = true;
      stream.write(`\r\u001b[Kcommissioning-lint: linting ${count}/${total} files (${Math.floor((100 * count) / total)}%)`);
    },
    done() {
      if (shown) stream.write('\r\u001b[K');
    },
  };
}
