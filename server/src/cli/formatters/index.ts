// Format name → formatter. Formats other than stylish and json are loaded on demand.
import type { Format } from '../args';
import type { Formatter } from './types';
import { formatStylish } from './stylish';
import { formatJson } from './json';

export function formatterFor(format: Format): Formatter | undefined {
  switch (format) {
    case 'stylish':
      return formatStylish;
    case 'json':
      return formatJson;
    default:
      return undefined;
  }
}
