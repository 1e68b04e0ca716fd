import type { FastifyInstance } from 'fastify';

/** Upload bodies read as text: CSV data blocks and YAML pool files. */
const TEXT_TYPES = [
  'text/csv',
  'text/plain',
  'application/csv',
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
];

/** Parses text uploads to a string, with the upload limit instead of the JSON one. */
export function installTextParsers(app: FastifyInstance, uploadLimit: number): void {
  app.addContentTypeParser(
    TEXT_TYPES,
    { parseAs: 'string', bodyLimit: uploadLimit },
    (_request, body, done) => {
      done(null, body);
    },
  );
}
