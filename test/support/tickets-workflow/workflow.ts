// A workflow that exists only in the tests: support tickets kept in memory, with one card
// action, one intent, one deadline source and one import section. The suite adds it to the
// shipped list to prove that a second workflow is one folder plus one line, picked up by every
// table the platform folds.
import { z } from "zod";
import { defineAction } from "../../../src/platform/bot/actions/types";
import { refusalText } from "../../../src/platform/i18n/refusal-words";
import { defineSection, emptyOutcome } from "../../../src/platform/import/section";
import type { DueItem } from "../../../src/platform/reminders/due-item";
import { defineWorkflow } from "../../../src/platform/workflow";

interface Ticket {
  number: string;
  title: string;
  dueAt: Date;
  closed: boolean;
}

/** Tickets by organisation id: the test workflow needs no table of its own. */
const tickets = new Map<string, Map<string, Ticket>>();

function ticketsOf(organisationId: string): Map<string, Ticket> {
  const mine = tickets.get(organisationId) ?? new Map<string, Ticket>();
  tickets.set(organisationId, mine);
  return mine;
}

const ZTicketRecordSchema = z.strictObject({
  number: z.string().regex(/^\d{3,}$/),
  title: z.string().min(1),
  dueAt: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
});

export const ticketsSection = defineSection({
  description: "Support tickets (test workflow).",
  record: ZTicketRecordSchema,
  identity: "number",
  uniqueFields: ["number"],
  async apply(_tx, organisation, records) {
    const outcome = emptyOutcome();
    for (const record of records) {
      ticketsOf(organisation.id).set(record.number, { ...record, closed: false });
      outcome.created += 1;
    }
    return outcome;
  },
});

export const ticketsWorkflow = defineWorkflow({
  name: "tickets",
  namespaces: ["ticket"],
  folder: new URL(".", import.meta.url),
  refusals: ["ticket_closed"],
  refusalWords: "ticket",
  actions: {
    "ticket.close": defineAction(z.object({ number: z.string().min(1) }), true, async (scope, { number }) => {
      const ticket = ticketsOf(scope.organisation.id).get(number);
      if (!ticket) return { message: refusalText(scope.t, { code: "not_found", facts: {} }, "ticket") };
      if (ticket.closed) return { message: refusalText(scope.t, { code: "ticket_closed", facts: { number } }, "ticket") };
      ticket.closed = true;
      return { message: scope.t.t("ticket.closed", { number }) };
    }),
  },
  intents: {
    "ticket.open": async (scope, recognition) => {
      const open = [...ticketsOf(scope.organisation.id).values()].filter((ticket) => !ticket.closed);
      const asked = recognition.entities.ticketReference;
      const shown = asked ? open.filter((ticket) => `TCK-${ticket.number}` === asked) : open;
      return { text: scope.t.t("ticket.open", { count: shown.length, numbers: shown.map((ticket) => `TCK-${ticket.number}`).join(", ") }) };
    },
  },
  references: [{ entity: "ticketReference", prefix: "TCK", minDigits: 3 }],
  deadlines: [
    {
      kind: "ticket.overdue",
      async due(_db, organisation, now) {
        return [...ticketsOf(organisation.id).values()]
          .filter((ticket) => !ticket.closed && ticket.dueAt <= now)
          .map(
            (ticket): DueItem => ({
              kind: "ticket.overdue",
              deadlineKey: `ticket:${ticket.number}`,
              threshold: "overdue",
              deadlineAt: ticket.dueAt,
              recipients: { roles: ["admin", "approver"] },
              facts: { number: ticket.number, title: ticket.title },
              dates: {},
              fix: { verb: "ticket.close", data: { number: ticket.number }, titleKey: "ticket.fix.close" },
            }),
          );
      },
    },
  ],
  importSections: [{ name: "tickets", section: ticketsSection, after: ["users"] }],
  routes: [],
  examples: { help: ["ticket.open"], welcome: ["ticket.welcome.example"] },
});
