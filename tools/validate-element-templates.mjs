// Validates every Camunda Modeler element template in element-templates/ against the Camunda 7
// element templates JSON schema (npm @camunda/element-templates-json-schema), plus what the schema
// cannot say: ids unique per version, every template versioned. Exits 1 on any finding.
//
//   npm run lint:templates            (all element-templates/*.json)
//   node tools/validate-element-templates.mjs some.json other.json
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';

const require = createRequire(import.meta.url);
const schema = require('@camunda/element-templates-json-schema/resources/schema.json');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const templatesDir = join(root, 'element-templates');

const files = process.argv.length > 2
  ? process.argv.slice(2)
  : readdirSync(templatesDir).filter((name) => name.endsWith('.json')).sort().map((name) => join(templatesDir, name));

// The schema is draft-07 and uses "$id" on sub-schemas as labels and annotation keywords the
// Modeler reads: validate strictly by the schema's rules, not by ajv's stylistic strict mode.
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

let problems = 0;
let count = 0;
const seen = new Map();

function report(file, message) {
  problems++;
  console.error(`${relative(root, file)}: ${message}`);
}

if (files.length === 0) {
  report(templatesDir, 'no template file');
}

for (const file of files) {
  let content;
  try {
    content = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    report(file, `not JSON: ${e.message}`);
    continue;
  }
  if (!validate(content)) {
    for (const error of validate.errors) {
      report(file, `${error.instancePath || '/'} ${error.message}${error.params ? ' ' + JSON.stringify(error.params) : ''}`);
    }
    continue;
  }
  const templates = Array.isArray(content) ? content : [ content ];
  templates.forEach((template, index) => {
    count++;
    const where = `[${index}] ${template.id}`;
    if (!Number.isInteger(template.version)) {
      report(file, `${where}: no version`);
    }
    const key = `${template.id}@${template.version}`;
    if (seen.has(key)) {
      report(file, `${where}: id and version already used in ${relative(root, seen.get(key))}`);
    }
    seen.set(key, file);
  });
}

if (problems > 0) {
  console.error(`element templates: ${problems} problem(s)`);
  process.exit(1);
}
console.log(`element templates: ${count} template(s) in ${files.length} file(s) valid against @camunda/element-templates-json-schema`);
