// GET /api/v1/openapi.json: the document, built once at start-up, open to anyone (it holds no
// data). The same document is checked in as schemas/openapi.json (npm run openapi writes it).
import { readFileSync } from "node:fs";
import type { EventCatalog } from "../events/define-event";
import { type ApiOperation, openApiDocument } from "./openapi";
import type { RouteRegistrar } from "./server";

export function apiVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };
  return manifest.version;
}

export function registerOpenApi(operations: readonly ApiOperation[], events: EventCatalog): RouteRegistrar {
  const document = openApiDocument(operations, events, apiVersion());
  return (server) => {
    server.get("/api/v1/openapi.json", async (_req, res) => {
      res.send(200, document);
    });
  };
}
