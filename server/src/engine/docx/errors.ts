// The one error type the Word path raises internally: its message is the
// one-line reason given to the user (the CLI puts the file name before it),
// so it reads as the rest of a sentence: "is not a Word document (.docx)".
export class DocxInputError extends Error {
  override readonly name = 'DocxInputError';
}

/** An error's message on one line, without control characters, at most `max` characters. */
export function oneLine(err: unknown, max = 200): string {
  const text = err instanceof Error ? err.message : String(err);
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}
