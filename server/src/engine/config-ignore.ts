// The `ignore` list of each file's config file, relative to that file's
// folder: the CLI's folder walk and the web extension's workspace listing both
// skip what it names.
import * as path from 'node:path';
import type { Ignore } from 'ignore';
import type { ConfigResolver } from './config';

export class ConfigIgnore {
  private readonly byConfig = new Map<string, Ignore>();

  constructor(
    private readonly resolver: ConfigResolver | undefined,
    private readonly makeIgnore: () => Ignore,
  ) {}

  ignores(file: string): boolean {
    const r = this.resolver?.forFile(file);
    if (!r?.configFile || !r.ignore?.length) return false;
    let ig = this.byConfig.get(r.configFile);
    if (!ig) this.byConfig.set(r.configFile, (ig = this.makeIgnore().add(r.ignore)));
    const rel = path.relative(path.dirname(r.configFile), file).split(path.sep).join('/');
    return !rel.startsWith('..') && !path.isAbsolute(rel) && ig.ignores(rel);
  }
}
