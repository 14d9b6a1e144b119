// Command-line options (node:util parseArgs: built in, so no start-up cost).
import { parseArgs } from 'node:util';

export const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface Options {
  inputs: string[];
  format: Format;
  policy?: string;
  config?: string;
  maxWarnings?: number;
  quiet: boolean;
  color: boolean;
  stdin: boolean;
  stdinFilename?: string;
  output?: string;
  cache: boolean;
  cacheLocation?: string;
  jobs?: number;
  /** Write a Word document's Markdown rendering instead of linting it. */
  toMarkdown: boolean;
  /** With --to-markdown -o: replace an existing file. */
  force: boolean;
  help: boolean;
  version: boolean;
  /** Serve the Model Context Protocol on stdio instead of linting. */
  mcp: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: commissioning-lint [options] [files|dirs|globs…]

Checks commissioning strategies (Markdown, and Word .docx) against the Commissioning Friend policy.

Options:
  --format <name>        stylish (default), json, sarif, junit, github, markdown, html
  --policy <id|path>     policy pack: commissioning-friend-2009 (default), equality-act-2010, or a pack file
  --config <path>        configuration file (default: nearest .commissioning-lint.yaml)
  --max-warnings <n>     exit 1 when there are more than n warnings
  --quiet                report errors only
  --no-color             plain output
  --stdin                read the strategy from standard input
  --stdin-filename <p>   name (and folder for linked files and config) of the stdin text
  -o, --output <file>    write the report to a file instead of standard output
  --cache                skip unchanged files (content, policy and version hashed)
  --cache-location <dir> where the cache lives (default: node_modules/.cache/commissioning-lint)
  -j, --jobs <n>         worker threads (default: one per core, fewer for small runs)
  --mcp                  serve the Model Context Protocol on stdio for AI assistants (with --policy/--config only)
  --to-markdown          write a Word document's Markdown rendering (to stdout, or -o <file>) instead of linting
  --force                with --to-markdown -o: replace the file if it exists
  -h, --help             show this help
  -v, --version          show the version

Exit codes: 0 no errors; 1 lint errors (or too many warnings); 2 usage, config, policy or I/O error.`;

export function parseOptions(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        policy: { type: 'string' },
        config: { type: 'string', short: 'c' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        output: { type: 'string', short: 'o' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        'to-markdown': { type: 'boolean' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        mcp: { type: 'boolean' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0]);
  }
  const v = parsed.values;
  const format = (v.format ?? 'stylish') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${v.format}" (use one of: ${FORMATS.join(', ')})`);
  const count = (name: string, raw: string | undefined, min: number): number | undefined => {
    if (raw === undefined) return undefined;
    if (!/^\d+$/.test(raw) || Number(raw) < min) throw new UsageError(`--${name} takes a whole number${min ? ` of at least ${min}` : ''}, not "${raw}"`);
    return Number(raw);
  };
  const env = process.env;
  const color = v['no-color'] ? false : v.color ? true : !env.NO_COLOR && !!process.stdout.isTTY && !v.output;
  if (v['stdin-filename'] !== undefined && !v.stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (v.stdin && parsed.positionals.length) throw new UsageError('give either --stdin or files, not both');
  if (v.mcp) {
    // The server lints what the assistant sends: files, formats and reports belong to lint runs.
    const other = ['format', 'max-warnings', 'quiet', 'stdin', 'stdin-filename', 'output', 'cache', 'cache-location', 'jobs', 'to-markdown', 'force'].find((k) => v[k as keyof typeof v] !== undefined);
    if (other) throw new UsageError(`--mcp takes only --policy and --config, not --${other}`);
    if (parsed.positionals.length) throw new UsageError('--mcp takes no files: the assistant names them');
  }
  if (v['to-markdown'] && !v.stdin && parsed.positionals.length !== 1) throw new UsageError('--to-markdown converts one Word document: give one .docx file');
  if (v['to-markdown'] && (v.cache || v.jobs !== undefined)) throw new UsageError(`--to-markdown converts one document; --${v.cache ? 'cache' : 'jobs'} does not apply`);
  if (v.force && !v['to-markdown']) throw new UsageError('--force applies to --to-markdown -o <file> only');
  return {
    inputs: parsed.positionals,
    format,
    policy: v.policy,
    config: v.config,
    maxWarnings: count('max-warnings', v['max-warnings'], 0),
    quiet: !!v.quiet,
    color,
    stdin: !!v.stdin,
    stdinFilename: v['stdin-filename'],
    output: v.output,
    cache: !!v.cache,
    cacheLocation: v['cache-location'],
    jobs: count('jobs', v.jobs, 1),
    toMarkdown: !!v['to-markdown'],
    force: !!v.force,
    help: !!v.help,
    version: !!v.version,
    mcp: !!v.mcp,
  };
}
