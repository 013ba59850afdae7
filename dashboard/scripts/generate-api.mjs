// Writes the dashboard's API types: src/api/generated/<name>.ts for every committed OpenAPI spec
// ../openapi/<name>.json, with openapi-typescript, and removes those whose spec is gone.
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const specs = join(root, "..", "openapi");
const output = join(root, "src", "api", "generated");

const names = (await readdir(specs))
  .filter((file) => file.endsWith(".json"))
  .map((file) => file.slice(0, -".json".length))
  .sort();

await mkdir(output, { recursive: true });
for (const file of await readdir(output)) {
  if (!names.includes(file.replace(/\.ts$/, ""))) {
    await rm(join(output, file));
  }
}
for (const name of names) {
  const spec = pathToFileURL(join(specs, `${name}.json`));
  const types = astToString(await openapiTS(spec, { silent: true }));
  await writeFile(join(output, `${name}.ts`), `${COMMENT_HEADER}${types}`);
  console.log(`generate-api: openapi/${name}.json -> src/api/generated/${name}.ts`);
}
