// Which files are documents the engine lints (and may follow as a linked EqIA):
// Markdown, and Word (.docx), which is converted to Markdown first (word.ts).
export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'];
export const WORD_EXTENSIONS = ['.docx'];
export const DOCUMENT_EXTENSIONS = [...MARKDOWN_EXTENSIONS, ...WORD_EXTENSIONS];

export function hasDocumentExtension(file: string): boolean {
  const lower = file.toLowerCase();
  return DOCUMENT_EXTENSIONS.some((e) => lower.endsWith(e));
}

export function isWordFile(file: string): boolean {
  const lower = file.toLowerCase();
  return WORD_EXTENSIONS.some((e) => lower.endsWith(e));
}

/**
 * Word's owner file ("~$rategy.docx", a few bytes naming who has the document
 * open): never a document, so folder walks pass it by (named on its own, it is
 * refused like any file that is not a Word document).
 */
export function isOfficeLockFile(file: string): boolean {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  return base.startsWith('~$');
}
