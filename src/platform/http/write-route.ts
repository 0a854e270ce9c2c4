// One write route of the organisation API (/api/v1/...), the same for every workflow: the
// caller's write key checked first (401/403), the body handed to the workflow's handler, its
// reply sent, and a failure answered 500 with a message that names nothing internal.
import type restify from "restify";
import type { z } from "zod";
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
