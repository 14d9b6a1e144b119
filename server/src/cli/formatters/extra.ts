// Formats for review pipelines, loaded only when asked for (keeps start-up fast).
import type { Formatter } from './types';
import { formatStylish } from './stylish';

export function extraFormatter(format: string): Formatter {
  switch (format) {
    default:
      // Not built yet: fall back to the human format rather than print nothing.
      return formatStylish;
  }
}
