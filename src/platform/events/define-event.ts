// An outbound event type, declared by the workflow that emits it: a dotted name and the zod
// schema of its `data`. The same schema checks what is emitted and describes the webhook
// payload in the OpenAPI document, so what is sent and what is documented cannot drift.
import type { z } from "zod";

export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  type: string;
  schema: S;
  /** One sentence for the OpenAPI document. */
  summary: string;
}

const EVENT_TYPE = /^[a-z][a-z0-9]*(\.[a-z][a-z0-9_]*)+$/;

export function defineEvent<S extends z.ZodType>(type: string, schema: S, summary: string): EventDefinition<S> {
  if (!EVENT_TYPE.test(type)) throw new Error(`event type "${type}" must be dotted lower-case words, e.g. ticket.closed`);
  return { type, schema, summary };
}

/** Every event type the running bot can emit, folded from the workflows. */
export type EventCatalog = readonly EventDefinition[];

export function eventTypesOf(catalog: EventCatalog): string[] {
  return catalog.map((definition) => definition.type);
}
