// `npm run openapi`: writes schemas/openapi.json, the document GET /api/v1/openapi.json serves
// (a test fails when the checked-in copy is stale).
import { writeFileSync } from "node:fs";
import { apiOperations, platformTables } from "../src/app";
import { openApiDocument } from "../src/platform/http/openapi";
import { apiVersion } from "../src/platform/http/openapi-route";

writeFileSync(
  new URL("../schemas/openapi.json", import.meta.url),
  `${JSON.stringify(openApiDocument(apiOperations(), platformTables().events, apiVersion()), null, 2)}\n`,
);
console.log("wrote schemas/openapi.json");
