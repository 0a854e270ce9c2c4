// The organisation (Teams tenant) an import file belongs to. The file is the vendor portal's
// view of the partner, so its name and time zone win over what the bot stored before.
import { z } from "zod";
import { isIanaTimeZone } from "../domain/time-zone";
import type { DbTx } from "../store/db";
import { type Organisation, ensureOrganisation, findOrganisationByTenant, updateOrganisation } from "../store/organisations";

export const ZImportOrganisationSchema = z
  .strictObject({
    tenantId: z.string().trim().min(1).max(100).describe("The Microsoft Entra tenant id Teams sends with every activity."),
    name: z.string().trim().min(1).max(200),
    timeZone: z
      .string()
      .refine(isIanaTimeZone, "expected an IANA time zone, like Europe/Paris")
      // Vendor deadlines fall at the end of a day in this zone: store the canonical name.
      .transform((zone) => new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone)
      .describe("IANA time zone name, like Europe/Paris: deadlines end in this zone."),
  })
  .describe("The partner organisation (Teams tenant) the records belong to.");

export type TImportOrganisation = z.output<typeof ZImportOrganisationSchema>;

export type OrganisationOutcome = "created" | "updated" | "unchanged";

export async function applyOrganisation(tx: DbTx, input: TImportOrganisation): Promise<{ organisation: Organisation; outcome: OrganisationOutcome }> {
  const before = await findOrganisationByTenant(tx, input.tenantId);
  const organisation = await ensureOrganisation(tx, input.tenantId, { name: input.name, timeZone: input.timeZone });
  if (!before) return { organisation, outcome: "created" };
  if (before.name === input.name && before.timeZone === input.timeZone) return { organisation, outcome: "unchanged" };
  return { organisation: await updateOrganisation(tx, before.id, { name: input.name, timeZone: input.timeZone }), outcome: "updated" };
}
