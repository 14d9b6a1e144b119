// Explicit author markers: `<!-- ipc: needs -->` in a section, or a front-matter
// `ipc:` map from element id to heading text. Markers always beat recognition.
import type { DocModel, Section } from '../model/types';
import type { FrontMatterData } from '../frontmatter';
import { normaliseHeading, sectionAt } from './text';

const MARKER = /^\s*ipc\s*:\s*([\w-]+(?:\s*,\s*[\w-]+)*)\s*$/i;

/** Element id → the section an author marked as addressing it. */
export function explicitMarkers(model: DocModel, fm: FrontMatterData | undefined): Map<string, Section> {
  const out = new Map<string, Section>();
  const ipc = fm?.data.ipc;
  if (ipc && typeof ipc === 'object' && !Array.isArray(ipc)) {
    // Each title normalised once: the first section under each (a map of 8,000 keys over 8,000 headings is linear).
    const byTitle = new Map<string, Section>();
    for (const x of model.sections) {
      const title = normaliseHeading(x.title);
      if (!byTitle.has(title)) byTitle.set(title, x);
    }
    for (const [id, heading] of Object.entries(ipc as Record<string, unknown>)) {
      if (typeof heading !== 'string') continue;
      const s = byTitle.get(normaliseHeading(heading));
      if (s) out.set(id, s);
    }
  }
  for (const c of model.comments) {
    const m = MARKER.exec(c.body);
    if (!m) continue;
    const s = sectionAt(model, c.start);
    if (s === model.root) continue;
    for (const id of m[1].split(',')) out.set(id.trim().toLowerCase(), s);
  }
  return out;
}
