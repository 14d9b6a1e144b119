// Which files are documents the engine lints (and may follow as a linked EqIA).
export const DOCUMENT_EXTENSIONS = ['.md', '.markdown'];

export function hasDocumentExtension(file: string): boolean {
  const lower = file.toLowerCase();
  return DOCUMENT_EXTENSIONS.some((e) => lower.endsWith(e));
}
