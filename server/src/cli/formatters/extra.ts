// Formats for review pipelines, loaded only when asked for (keeps start-up fast):
// main.ts imports this module dynamically, so a stylish or json run never runs it.
import type { Formatter } from './types';
import { formatSarif } from './sarif';
import { formatJunit } from './junit';
import { formatGithub } from './github';
import { formatMarkdown } from './markdown';
import { formatHtml } from './html';

const EXTRA: Record<string, Formatter> = {
  sarif: formatSarif,
  junit: formatJunit,
  github: formatGithub,
  markdown: formatMarkdown,
  html: formatHtml,
};

export function extraFormatter(format: string): Formatter {
  const f = EXTRA[format];
  if (!f) throw new Error(`no formatter for "${format}"`);
  return f;
}
