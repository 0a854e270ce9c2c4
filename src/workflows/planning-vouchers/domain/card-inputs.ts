// What a voucher card's forms send back (Adaptive Card inputs: text, date, toggle and choice
// values all arrive as strings, a missing one as absent). Each schema only gives the command its
// shape: the rules, and their clear refusals, stay in the domain's transitions. Card data never
// says what state a voucher is in: the server loads it.
import { z } from "zod";
import { CANCELLATION_REASONS, type CancelReservationCommand, type CancellationReason, type ReserveCommand } from "./reservation";
import type { CompletionReportCommand, ScheduleCommand } from "./delivery";
import type { InvoiceCommand } from "./settlement";

// Generous caps that only stop abuse; the domain's own limits come with words.
const input = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((value) => value ?? "");
// Input.Toggle sends its valueOn / valueOff, "true" / "false" by default.
const toggle = z
  .enum(["true", "false"])
  .optional()
  .transform((value) => value === "true");

function isCancellationReason(value: unknown): value is CancellationReason {
  return (CANCELLATION_REASONS as readonly unknown[]).includes(value);
}

export const ZValidateInputSchema = z.object({ voucherId: input(200) }).describe("The validate form: the voucher ID as typed or pasted.");
export type TValidateInput = z.output<typeof ZValidateInputSchema>;

export const ZReserveInputSchema = z
  .object({ administratorEmail: input(500), termsAccepted: toggle })
  .describe("The reserve form: the customer's voucher administrator e-mail and the programme terms.") satisfies z.ZodType<ReserveCommand, unknown>;

export const ZCancelReservationInputSchema = z
  .object({
    // An unknown choice reads as no choice: the domain then asks for one of the vendor's reasons.
    reason: z
      .string()
      .optional()
      .transform((value) => (isCancellationReason(value) ? value : undefined)),
    note: input(5000),
  })
  .describe("The cancel form: one of the vendor's reasons, and a note.") satisfies z.ZodType<CancelReservationCommand, unknown>;

export const ZScheduleInputSchema = z
  .object({ startOn: input(40), endOn: input(40), consultantId: input(200) })
  .describe("The schedule form: Input.Date values (YYYY-MM-DD) and the chosen consultant.") satisfies z.ZodType<ScheduleCommand, unknown>;

export const ZCompletionReportInputSchema = z
  .object({
    deliveredOn: input(40),
    // One deliverable per line of a multiline Input.Text.
    deliverables: input(20_000).transform((text) => text.split(/\r?\n/)),
    acceptedByName: input(1000),
    acceptedByEmail: input(500),
  })
  .describe("The completion report form.") satisfies z.ZodType<CompletionReportCommand, unknown>;

export const ZInvoiceInputSchema = z
  .object({ number: input(200), amount: input(100), currency: input(20) })
  .describe("The invoice form: number, amount as typed, currency code.") satisfies z.ZodType<InvoiceCommand, unknown>;
