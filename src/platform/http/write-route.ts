// One write route of the organisation API (/api/v1/...), the same for every workflow: the
// caller's write key checked first (401/403), the body handed to the workflow's handler, its
// reply sent, and a failure answered 500 with a message that names nothing internal; a domain
// refusal answered the same way for every workflow (refusalReply).
import type restify from "restify";
import type { z } from "zod";
import type { Refusal } from "../domain/result";
import { refusalText } from "../i18n/refusal-words";
import { translator } from "../i18n/translator";
import type { Services } from "../services";
import { type ApiCaller, requireApiCaller } from "./api-caller";

export interface ApiReply {
  status: number;
  body: object;
}

export type ApiHandler = (body: unknown, services: Services, caller: ApiCaller) => Promise<ApiReply>;

/** The restify handler for `handle`; `what` names the route in the log ("ticket"). */
export function writeRoute(services: Services, what: string, handle: ApiHandler): (req: restify.Request, res: restify.Response) => Promise<void> {
  return async (req, res) => {
    try {
      const caller = await requireApiCaller(req, res, services, "write");
      if (!caller) return;
      const reply = await handle(req.body, services, caller);
      res.send(reply.status, reply.body);
    } catch (error) {
      services.logger.error({ err: error, path: req.path() }, `${what} API request failed`);
      res.send(500, { error: "internal", message: "the request could not be processed; retry later" });
    }
  };
}

/** A body zod refused: 400, with every field it named and why. */
export function invalidBody(issues: readonly z.core.$ZodIssue[]): ApiReply {
  const fields = Object.fromEntries(issues.map((issue) => [issue.path.join(".") || "(body)", issue.message]));
  return { status: 400, body: { error: "invalid_request", fields } };
}

export interface RefusalReplyOptions {
  /** The workflow's catalog prefix for its own refusal words (its `refusalWords`): "ticket". */
  words?: string;
  /** Refusals about one field of the body, by code: answered 400 naming that field. */
  fieldOf?: Partial<Record<string, string>>;
  /** Where in the body the refused record is ("sites.2."), put before the field's name. */
  path?: string;
}

const english = translator("en");

/**
 * The one place a domain refusal becomes an API answer: "not_found" is 404; a refusal naming a
 * field of the body (by `fieldOf`, or its `field` fact: a time in the future) is 400 with that
 * field; any other is 409 with its code, which a program reads, its English words for the
 * caller's logs, and its facts.
 */
export function refusalReply(refusal: Refusal, options: RefusalReplyOptions = {}): ApiReply {
  const message = englishWords(refusal, options.words);
  if (refusal.code === "not_found") return { status: 404, body: { error: "not_found", message } };
  const field = options.fieldOf?.[refusal.code] ?? (typeof refusal.facts.field === "string" ? refusal.facts.field : undefined);
  if (field) return { status: 400, body: { error: "invalid_request", fields: { [`${options.path ?? ""}${field}`]: message } } };
  return { status: 409, body: { error: refusal.code, message, facts: refusal.facts } };
}

function englishWords(refusal: Refusal, words: string | undefined): string {
  try {
    return refusalText(english, refusal, words);
  } catch {
    // Every declared code has words (a test checks it); an undeclared one still answers.
    return refusal.code;
  }
}
