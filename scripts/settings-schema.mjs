// Writes lib/syndic.schema.json, the JSON Schema of syndic.yaml that editors autocomplete
// from and `syndic init` writes syndic.yaml from. The shape comes from zod (z.toJSONSchema);
// each field's description is the one-line doc comment above it in src/schema.ts, so that
// file stays the one source of truth for both.
import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { z } from 'zod';
import { settingsSchema } from '../lib/schema.js';

const source = ts.createSourceFile('schema.ts', readFileSync('src/schema.ts', 'utf8'), ts.ScriptTarget.Latest, true);
const constants = new Map();
for (const statement of source.statements) {
  if (!ts.isVariableStatement(statement)) continue;
  for (const declaration of statement.declarationList.declarations) {
    if (ts.isIdentifier(declaration.name) && declaration.initializer) constants.set(declaration.name.text, declaration.initializer);
  }
}

/** The object literals of the z.object / z.strictObject calls an expression builds on. */
function objectsOf(node) {
  if (ts.isIdentifier(node)) return constants.has(node.text) ? objectsOf(constants.get(node.text)) : [];
  if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap(objectsOf);
  if (!ts.isCallExpression(node)) return [];
  const callee = node.expression;
  if (ts.isPropertyAccessExpression(callee) && ['object', 'strictObject'].includes(callee.name.text) && callee.expression.getText() === 'z') {
    return node.arguments[0] && ts.isObjectLiteralExpression(node.arguments[0]) ? [node.arguments[0]] : [];
  }
  const inner = ts.isPropertyAccessExpression(callee) ? objectsOf(callee.expression) : [];
  return [...inner, ...node.arguments.flatMap(objectsOf)];
}

const docs = new Map();
function collect(object, prefix) {
  for (const property of object.properties) {
    // `title,` (a shorthand for a schema defined above) carries its doc comment too.
    const shorthand = ts.isShorthandPropertyAssignment(property);
    if (!ts.isPropertyAssignment(property) && !shorthand) continue;
    const name = property.name.getText().replace(/^['"]|['"]$/g, '');
    const comment = ts.getJSDocCommentsAndTags(property).map((doc) => (typeof doc.comment === 'string' ? doc.comment : '')).join(' ').replace(/\s+/g, ' ').trim();
    if (comment) docs.set(prefix + name, comment);
    for (const inner of shorthand ? [] : objectsOf(property.initializer)) collect(inner, `${prefix}${name}.`);
  }
}
for (const object of objectsOf(constants.get('settingsSchema'))) collect(object, '');

function describe(schema, prefix) {
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const doc = docs.get(prefix + name);
    if (doc) Object.assign(property, { description: doc });
    describe(property, `${prefix}${name}.`);
  }
  for (const inner of [...(schema.anyOf ?? []), ...(schema.items ? [schema.items] : [])]) describe(inner, prefix);
}

// Draft 7: yaml-language-server, which most editors use for YAML, reads draft 7 and older.
const schema = z.toJSONSchema(settingsSchema, { io: 'input', target: 'draft-7' });
describe(schema, '');
const missing = Object.keys(schema.properties).filter((name) => !docs.has(name));
if (missing.length > 0) throw new Error(`settings-schema: no doc comment in src/schema.ts for ${missing.join(', ')}`);
writeFileSync('lib/syndic.schema.json', `${JSON.stringify({ $schema: schema.$schema, title: 'Syndic site settings (syndic.yaml)', ...schema }, null, 2)}\n`);
