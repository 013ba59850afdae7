// Writes the dashboard's API types: src/api/generated/<name>.ts for every committed OpenAPI spec
// ../openapi/<name>.json, with openapi-typescript, and removes those whose spec is gone.
//
// Before the types are made, two things the specs do not say yet are added to them:
// - the services write every property of an answer (null where there is no value), so each
//   property of a schema that answers use is required, unless the schema has a `required` list;
// - which properties of an answer may be null, and the types a spec gets wrong (spec-gaps.json).
// A gap a spec has closed stops the generation, so that spec-gaps.json only holds open ones.
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const specs = join(root, "..", "openapi");
const output = join(root, "src", "api", "generated");
const gaps = JSON.parse(await readFile(join(root, "scripts", "spec-gaps.json"), "utf8"));

const SCHEMA_REF = "#/components/schemas/";

/** The names of the schemas `node` refers to, at any depth. */
function referencedSchemas(node, found = new Set()) {
  if (Array.isArray(node)) {
    node.forEach((item) => referencedSchemas(item, found));
  } else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string" && value.startsWith(SCHEMA_REF)) {
        found.add(value.slice(SCHEMA_REF.length));
      } else {
        referencedSchemas(value, found);
      }
    }
  }
  return found;
}

/** The schemas the operations answer with, and every schema those refer to. */
function answerSchemas(spec) {
  const schemas = spec.components?.schemas ?? {};
  const pending = [
    ...referencedSchemas(
      Object.values(spec.paths ?? {}).flatMap((item) =>
        Object.values(item).map((operation) => operation?.responses),
      ),
    ),
  ];
  const found = new Set();
  while (pending.length > 0) {
    const name = pending.pop();
    if (!found.has(name) && schemas[name]) {
      found.add(name);
      pending.push(...referencedSchemas(schemas[name]));
    }
  }
  return found;
}

/** The property `schemaName.property` of the spec; stops when there is none. */
function property(spec, name, schemaName, propertyName) {
  const found = spec.components?.schemas?.[schemaName]?.properties?.[propertyName];
  if (!found) {
    throw new Error(`spec-gaps.json: ${name} has no ${schemaName}.${propertyName}`);
  }
  return found;
}

/** The spec with the gaps of spec-gaps.json filled in. */
function fillGaps(name, spec) {
  const schemas = spec.components?.schemas ?? {};
  const { nullable = {}, replaced = {} } = gaps[name] ?? {};
  for (const [schemaName, properties] of Object.entries(replaced)) {
    for (const [propertyName, { was, is }] of Object.entries(properties)) {
      const target = property(spec, name, schemaName, propertyName);
      if (JSON.stringify(target) !== JSON.stringify(was)) {
        throw new Error(
          `spec-gaps.json: ${name} ${schemaName}.${propertyName} is ${JSON.stringify(target)}` +
            " now: see whether the spec still needs the replacement in spec-gaps.json",
        );
      }
      schemas[schemaName].properties[propertyName] = is;
    }
  }
  for (const schemaName of answerSchemas(spec)) {
    const schema = schemas[schemaName];
    if (schema.properties && !schema.required) {
      schema.required = Object.keys(schema.properties);
    }
  }
  for (const [schemaName, propertyNames] of Object.entries(nullable)) {
    for (const propertyName of propertyNames) {
      const target = property(spec, name, schemaName, propertyName);
      const types = [target.type].flat();
      if (types.length !== 1 || types[0] === undefined || types[0] === "null") {
        throw new Error(
          `spec-gaps.json: ${name} ${schemaName}.${propertyName} is ${JSON.stringify(target)}` +
            " now: the spec says whether it may be null, drop it from spec-gaps.json",
        );
      }
      target.type = [types[0], "null"];
    }
  }
  return spec;
}

const names = (await readdir(specs))
  .filter((file) => file.endsWith(".json"))
  .map((file) => file.slice(0, -".json".length))
  .sort();
const unknown = Object.keys(gaps).filter((name) => !names.includes(name));
if (unknown.length > 0) {
  throw new Error(`spec-gaps.json names specs that do not exist: ${unknown.join(", ")}`);
}

await mkdir(output, { recursive: true });
for (const file of await readdir(output)) {
  if (!names.includes(file.replace(/\.ts$/, ""))) {
    await rm(join(output, file));
  }
}
for (const name of names) {
  const spec = fillGaps(name, JSON.parse(await readFile(join(specs, `${name}.json`), "utf8")));
  const types = astToString(await openapiTS(spec, { silent: true }));
  await writeFile(join(output, `${name}.ts`), `${COMMENT_HEADER}${types}`);
  console.log(`generate-api: openapi/${name}.json -> src/api/generated/${name}.ts`);
}
