// The browser build's stand-in for the Word converter (engine/docx/convert.ts,
// about 1 MB with mammoth): the web server lints Markdown only (its workspace
// listing asks for Markdown files), so a Word document, or a linked Word EqIA,
// is refused with a reason rather than converted.
export async function docxToMarkdown(): Promise<{ error: string }> {
  return { error: 'cannot read: Word documents are not read in the browser' };
}
