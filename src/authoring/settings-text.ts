// syndic.yaml as `syndic init` writes it, from the JSON Schema generated from src/schema.ts
// (scripts/settings-schema.mjs): every setting in the schema's order with its one-line doc,
// the given values active, every other one commented out with its default. Pure.
import { stringify } from 'yaml';

/** The part of a JSON Schema (draft 7) this reads. */
export interface JsonSchema {
  description?: string;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

export type Values = { [key: string]: unknown };

/** The settings file: a modeline pointing editors at the schema, a header, then every setting. */
export function settingsText(schema: JsonSchema, values: Values, schemaPath: string): string {
  const header = [
    `# yaml-language-server: $schema=${schemaPath}`,
    '# Site settings for Syndic, written by `syndic init`. The required settings, and those',
    '# init chose for you, are set; every other one is commented out with its default, so',
    '# removing its "# " changes nothing until you edit the value. See README.md, "Site settings".',
  ];
  return `${[...header, '', ...block(schema, values, '', true)].join('\n')}\n`;
}

function block(schema: JsonSchema, values: Values, indent: string, spaced: boolean): string[] {
  const lines: string[] = [];
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (spaced && lines.length > 0) lines.push('');
    if (property.description) lines.push(`${indent}# ${property.description}`);
    const value = values[key];
    if (value !== undefined && isRecord(value) && property.properties) {
      lines.push(`${indent}${key}:`, ...block(property, value, `${indent}  `, false));
    } else if (value !== undefined) {
      lines.push(...yamlLines({ [key]: value }, indent));
    } else if (property.default !== undefined) {
      lines.push(...yamlLines({ [key]: property.default }, indent).map((line) => commented(line, indent)));
    } else if (property.properties && Object.values(property.properties).every((inner) => inner.default !== undefined)) {
      // An optional group whose every field has a default (media): show those defaults.
      const defaults = Object.fromEntries(Object.entries(property.properties).map(([name, inner]) => [name, inner.default]));
      lines.push(...yamlLines({ [key]: defaults }, indent).map((line) => commented(line, indent)));
    } else {
      lines.push(commented(`${indent}${key}:`, indent));
    }
  }
  return lines;
}

/** `key: value` as the yaml library writes it (quoting what needs quotes), indented. */
function yamlLines(entry: Values, indent: string): string[] {
  return stringify(entry, { lineWidth: 0 }).trimEnd().split('\n').map((line) => indent + line);
}

/** `# key: value`, the `#` at the setting's own indentation, so removing "# " restores the YAML. */
function commented(line: string, indent: string): string {
  return `${indent}# ${line.slice(indent.length)}`;
}

function isRecord(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
