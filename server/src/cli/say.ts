// The CLI's one-line reasons on stderr. Text from files, configs and paths can
// hold newlines and control characters (a config `policy:` value with
// "\n::error::" would start a GitHub Actions command); every reason is one
// line, with such characters escaped.
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

export function say(message: string): void {
  process.stderr.write(`commissioning-lint: ${oneLine(message)}\n`);
}

/** Says why the run cannot go on; returns exit code 2. */
export function fail(message: string): number {
  say(message);
  return 2;
}
