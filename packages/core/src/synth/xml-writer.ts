import type { FieldNode, SchemaTree } from './field-tree.js';
import type { SynthRecord } from './record-plan.js';
import type { RecordWriter } from './record-writers.js';
import { valueProblem } from './value-check.js';

/** Options of {@link createXmlWriter}. */
export interface XmlWriterOptions {
  /** The document element around the records; `dataset` by default. */
  wrapper?: string;
}

/**
 * XML in the schema's shape: each record is an element named after the
 * record element (the XSD's, or the JSON Schema's title), attributes where
 * the XSD declares them, children in declaration order, a repeated element
 * per array item. Absent and null fields are left out. An XSD's
 * `targetNamespace` is declared on each record element (as the default
 * namespace when `elementFormDefault="qualified"`, else on a prefixed record
 * element whose unqualified children stay in no namespace).
 */
export function createXmlWriter(tree: SchemaTree, options: XmlWriterOptions = {}): RecordWriter {
  const wrapper = options.wrapper ?? 'dataset';
  // A global element is in the target namespace; local ones only when the XSD qualifies them.
  const ns = tree.namespace;
  const recordName = ns === undefined || ns.qualified ? tree.recordName : `r:${tree.recordName}`;
  const namespace =
    ns === undefined
      ? ''
      : ns.qualified
        ? ` xmlns="${escapeXml(ns.uri)}"`
        : ` xmlns:r="${escapeXml(ns.uri)}"`;
  return {
    header: () => `<?xml version="1.0" encoding="UTF-8"?>\n<${wrapper}>\n`,
    write(records) {
      let text = '';
      for (const record of records)
        text += `${element(recordName, tree.root, record, '  ', namespace)}\n`;
      return text;
    },
    footer: () => `</${wrapper}>\n`,
  };
}

function element(
  name: string,
  node: FieldNode,
  value: unknown,
  indent: string,
  namespace = '',
): string {
  if (node.kind === 'choice') {
    // Written in the shape of the variant the value is.
    const variant =
      node.variants!.find((v) => valueProblem(v, value) === null) ?? node.variants![0]!;
    return element(name, variant, value, indent, namespace);
  }
  if (node.kind === 'array') {
    return (value as unknown[])
      .map((item) => element(name, node.items!, item, indent, namespace))
      .join('\n');
  }
  if (
    node.kind !== 'object' ||
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value)
  ) {
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    return `${indent}<${name}>${escapeXml(text)}</${name}>`;
  }
  const record = value as SynthRecord;
  let attributes = namespace;
  const children: string[] = [];
  for (const field of node.properties ?? []) {
    const child = record[field.name];
    if (child === undefined || child === null) continue;
    if (field.attribute === true) attributes += ` ${field.name}="${escapeXml(String(child))}"`;
    else children.push(element(field.name, field, child, `${indent}  `));
  }
  if (children.length === 0) return `${indent}<${name}${attributes}/>`;
  return `${indent}<${name}${attributes}>\n${children.join('\n')}\n${indent}</${name}>`;
}

/** Escapes text for element content and double-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}
