/** Characters XML 1.0 cannot hold at all, not even as a character reference; lone surrogates too. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // A parser turns a raw CR into LF, and a tab or line feed in an attribute
  // into a space: as references they come back as written.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * Text made safe for XML or HTML content and quoted attribute values:
 * markup characters become references, and the characters XML cannot hold
 * (C0 controls but tab, line feed and CR; U+FFFE, U+FFFF; lone surrogates)
 * become U+FFFD, the replacement character, as an HTML parser does with
 * them. For XML, tab, line feed and CR become references too, so they read
 * back as written even in attributes. HTML keeps them raw: a reference to
 * CR is a parse error there, so an HTML reader gets a cell's CRLF as LF,
 * as HTML normalises line breaks.
 */
export function escapeMarkup(text: string, language: 'xml' | 'html' = 'xml'): string {
  const special = language === 'xml' ? /[&<>"'\t\n\r]/g : /[&<>"']/g;
  return text.replace(NOT_XML, '\uFFFD').replace(special, (c) => REFERENCES[c] ?? c);
}
