// Lints many files. Sequential for now; worker threads come with the pipeline work.
import type { Options } from './args';
import type { ConfigResolver } from './config';
import { lintFile, type FileResult } from './lint-file';

export async function lintInParallel(files: string[], _opts: Options, resolver: ConfigResolver): Promise<FileResult[]> {
  return files.map((f) => lintFile(f, resolver));
}
