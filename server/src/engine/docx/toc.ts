// Removes a table of contents held in a content control (w:sdt whose
// docPartGallery is "Table of Contents", as Word's References › Table of
// Contents inserts it) from a part's XML before mammoth reads it: mammoth
// keeps a content control's content and cannot see its properties. A TOC
// outside a content control is dropped by its paragraph styles (style-map.ts).

/** Start and end tags of w:sdt only (not w:sdtPr, w:sdtContent, w:sdtEndPr). */
const SDT_TAG = /<(\/?)w:sdt(?=[\s/>])[^>]*?(\/?)>/g;
const TOC_GALLERY = /<w:docPartGallery\b[^>]*\bw:val\s*=\s*("[^"]*Table of Contents[^"]*"|'[^']*Table of Contents[^']*')/;

export function dropTocControls(xml: string): string {
  if (!xml.includes('Table of Contents')) return xml;
  const cut: Array<[number, number]> = [];
  const open: number[] = [];
  for (const m of xml.matchAll(SDT_TAG)) {
    if (m[2]) continue; // <w:sdt/>: empty
    if (!m[1]) {
      open.push(m.index);
      continue;
    }
    const start = open.pop();
    if (start === undefined) continue;
    const end = m.index + m[0].length;
    if (isToc(xml, start, end)) cut.push([start, end]);
  }
  if (!cut.length) return xml;
  // Inner controls close first, so an outer TOC control comes after the ones it holds.
  cut.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let pos = 0;
  for (const [s, e] of cut) {
    if (s < pos) continue; // inside a control already cut
    parts.push(xml.slice(pos, s));
    pos = e;
  }
  parts.push(xml.slice(pos));
  return parts.join('');
}

/** Whether the control's own properties (before its content) name the TOC gallery. */
function isToc(xml: string, start: number, end: number): boolean {
  const content = xml.indexOf('<w:sdtContent', start);
  const props = xml.slice(start, content >= 0 && content < end ? content : end);
  return TOC_GALLERY.test(props);
}
