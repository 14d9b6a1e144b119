// The document model every rule reads: built once per lint from the parse.
// All offsets index the (BOM-stripped) source; `masked` is the source with
// everything that is not prose (code, HTML, front matter, URLs) blanked out.
import type { LineIndex } from '../parse/lines';

export interface Span {
  start: number;
  end: number;
}

export interface Cell extends Span {
  text: string;
  /** A cell drawn over several lines of a text table: one span per line (the cell's span runs over its neighbours' text). */
  parts?: Span[];
}

export interface Row extends Span {
  cells: Cell[];
}

export type BlockKind = 'heading' | 'paragraph' | 'list' | 'table' | 'code' | 'html' | 'other';

export interface Block extends Span {
  kind: BlockKind;
  /** Flattened inline text (headings: the title). */
  text: string;
  depth?: number;
  /** How the heading was written: `##`, underlined, a bold-only line, or an HTML <h1>–<h6>. */
  headingStyle?: 'atx' | 'setext' | 'bold' | 'html';
  /** List items (top-level), each spanning its nested content. */
  items?: Span[];
  /** Table rows, the first being the header row. */
  rows?: Row[];
  /** Inside a block quote: someone else's words (a law's definition, a person's voice). */
  quoted?: boolean;
  /** A heading inside a block quote, read as a paragraph (its depth and style kept, should the quote be the document). */
  quotedHeading?: boolean;
}

export interface Section {
  /** Heading block, or undefined for the text before the first heading. */
  heading?: Block;
  title: string;
  depth: number;
  /** Blocks of the section itself, up to its first sub-heading. */
  blocks: Block[];
  children: Section[];
  parent?: Section;
  /** Extent of the section including its subsections. */
  start: number;
  end: number;
}

export interface Comment extends Span {
  /** Text between <!-- and --> */
  body: string;
}

export interface Link extends Span {
  url: string;
}

export interface FrontMatter extends Span {
  raw: string;
  /** Offset of the YAML value's first character. */
  valueStart: number;
}

/**
 * One top-level chunk of the document (a run of whole lines from a top-level
 * heading). `memo` holds what recognisers derive from the chunk's masked text
 * alone, at offsets relative to `start`; it stays with the chunk while the parse
 * cache keeps it, so re-linting an edited document re-derives only what changed.
 */
export interface ModelPart {
  start: number;
  end: number;
  memo: Map<object, unknown>;
}

export interface DocModel {
  source: string;
  masked: string;
  lines: LineIndex;
  blocks: Block[];
  root: Section;
  /** All sections in document order (root excluded). */
  sections: Section[];
  comments: Comment[];
  links: Link[];
  frontMatter?: FrontMatter;
  /** A few words after the document's last thematic break (a contact line): not the last section's prose. */
  footer?: Span;
  /** The chunks, in order, covering the source (empty unless the caller keeps a parse cache). */
  parts: ModelPart[];
}

/** What build.ts lends the plain-text readers (plain-layout.ts, bold-titles.ts) to make blocks. */
export interface LayoutTools {
  /** The depth of a heading read from a title ("3.4 Crisis care" is one down from "3 Services"). */
  depthOf: (title: string) => number;
  /** The block over source [from, to): a paragraph, or the tables a text's lines draw. */
  paragraphsOf: (from: number, to: number) => Block[];
}
