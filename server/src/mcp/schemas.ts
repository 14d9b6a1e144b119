// The tools' shared arguments, as zod schemas: the SDK checks every call
// against them (a bad argument is the call's error, never the server's end)
// and lists them to the client as JSON Schema.
import * as z from 'zod';
import { BUILTIN_POLICY_IDS } from '../core';
import { DOCUMENT_MAX_BYTES } from '../engine';

export const textArg = z
  .string()
  .max(DOCUMENT_MAX_BYTES)
  .optional()
  .describe('the strategy as Markdown text (a draft need not be saved)');

export const pathArg = z
  .string()
  .min(1)
  .max(4096)
  .optional()
  .describe("a Markdown file inside the client's roots: absolute, a file: URI, or relative to the first root. With `text`, where the draft is (or will be) saved, for its config and linked EqIA; without, the file to read");

export const policyArg = z
  .enum(BUILTIN_POLICY_IDS as [string, ...string[]])
  .optional()
  .describe('a built-in policy pack instead of the workspace configuration’s: commissioning-friend-2009 (the six 2009 equality strands) or equality-act-2010 (the nine protected characteristics)');

const position = z.number().int().min(1);

export const findingArg = z
  .object({
    ruleId: z.string().min(1).max(100),
    line: position,
    column: position,
    endLine: position,
    endColumn: position,
    data: z.record(z.string(), z.unknown()).optional().describe('the finding’s `data` as lint_strategy returned it; when left out, the text is linted again to find it'),
  })
  .describe('a finding as lint_strategy returned it');
