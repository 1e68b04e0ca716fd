import type { FastifyInstance } from 'fastify';
import { checkNestingDepth } from '../../uploads/check-nesting-depth.js';

/**
 * Drops a comma that closes an object or array (`{"a": 1,}`), outside
 * strings. The reference's own example bodies carry such commas, and users
 * paste them as they are; nothing else about JSON is relaxed.
 */
export function dropTrailingCommas(text: string): string {
  let out = '';
  let inString = false;
  // Where the last comma that followed a value sits in `out`; -1 when something came after it.
  let pendingComma = -1;
  // The last character outside strings and whitespace: a comma right after `[`, `{` or `,` is no trailing one.
  let last = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (inString) {
      out += char;
      if (char === '\\') out += text[++i] ?? '';
      else if (char === '"') inString = false;
      continue;
    }
    if (/\s/.test(char)) {
      out += char;
      continue;
    }
    if (char === ',' && last !== '' && last !== '[' && last !== '{' && last !== ',') {
      pendingComma = out.length;
    } else if ((char === '}' || char === ']') && pendingComma >= 0) {
      out = out.slice(0, pendingComma) + out.slice(pendingComma + 1);
      pendingComma = -1;
    } else {
      pendingComma = -1;
      if (char === '"') inString = true;
    }
    out += char;
    last = char;
  }
  return out;
}

/**
 * The JSON parser of the TDO routes: the server's (nesting depth limit,
 * prototype poisoning refused), after {@link dropTrailingCommas}.
 */
export function installTdoJsonParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = dropTrailingCommas(body as string);
    try {
      checkNestingDepth(text, 'json');
    } catch (error) {
      done(error as Error, undefined);
      return;
    }
    void parse(request, text, done);
  });
}
