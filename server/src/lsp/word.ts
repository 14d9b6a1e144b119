// Word documents for the editor: the conversion behind the client's "Import
// Word Strategy as Markdown" command. The server converts (with the style map
// of the document's config) and answers with the Markdown; the client picks a
// free name and writes it, so the server never writes a user's file.
import { isWordFile, readWordDocument, styleWarning } from '../engine';
import { CONVERT_WORD_METHOD, type ConvertWordResult } from './protocol';
import { safe } from './safe';
import type { ServerState } from './state';
import { uriToPath } from './uris';

export function registerWord(state: ServerState): void {
  state.connection.onRequest(
    CONVERT_WORD_METHOD,
    safe(state.log, 'convert Word document', { error: 'could not be converted (an internal error; see the output log)' } as ConvertWordResult, async (params: { uri?: unknown }): Promise<ConvertWordResult> => {
      const file = typeof params?.uri === 'string' ? uriToPath(params.uri) : undefined;
      if (!file) return { error: 'is not a file on disk' };
      if (!isWordFile(file)) return { error: 'is not a Word document (.docx)' };
      const settings = await state.settingsFor(params.uri as string);
      const read = await readWordDocument(state.host, file, state.policies.forDocument(params.uri as string, settings).styleMap);
      if ('error' in read) return { error: read.error };
      const warning = styleWarning(read.warnings);
      return warning ? { markdown: read.text, warning } : { markdown: read.text };
    }),
  );
}
