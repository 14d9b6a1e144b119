// How mammoth is asked to read a Word document: what of its document model is
// not content, how images are treated (never read), and no style map taken
// from the document itself (data in a document chooses nothing here).
import type mammoth from 'mammoth';
import { BUILTIN_STYLE_MAP } from './style-map';

/**
 * Elements of mammoth's document model that are not the strategy's text:
 * comment markers (with them the comments) and bookmarks (empty anchors in the
 * HTML). Footnotes and endnotes are kept: mammoth appends them as a list at the
 * end, as a Markdown strategy's note definitions stand at its end, and a note
 * may cite an Act or a WCC competency ("It also evidences WCC competencies 2, 5 & 7").
 */
const NOT_CONTENT = new Set(['commentReference', 'comment', 'bookmarkStart']);

interface ModelElement {
  type?: string;
  children?: ModelElement[];
}

/** Drops NOT_CONTENT elements everywhere in the tree (it is mammoth's fresh copy for this conversion). */
export function dropNotContent<T extends ModelElement>(element: T): T {
  if (Array.isArray(element.children)) {
    element.children = element.children.filter((c) => !NOT_CONTENT.has(c?.type ?? '')).map(dropNotContent);
  }
  return element;
}

/**
 * Images give nothing: their bytes are never read (no base64 lands in the
 * HTML) and their alt text, often "Picture 3", is not prose. mammoth calls the
 * converter with the image and expects HTML nodes back.
 */
type ImageConverter = NonNullable<NonNullable<Parameters<typeof mammoth.convertToHtml>[1]>['convertImage']>;
const noImages = (() => Promise.resolve([])) as unknown as ImageConverter;

export function mammothOptions(userStyleMap: readonly string[]) {
  return {
    styleMap: [...userStyleMap, ...BUILTIN_STYLE_MAP],
    includeDefaultStyleMap: true,
    includeEmbeddedStyleMap: false,
    externalFileAccess: false,
    ignoreEmptyParagraphs: true,
    convertImage: noImages,
    transformDocument: dropNotContent,
  };
}
