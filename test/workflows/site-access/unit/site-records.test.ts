// Issue 17, "Site access": sites (number, name, Primary Contact) come from the vendor's list,
// idempotent by site number.
import { describe, expect, it } from "vitest";
import { applySiteRecord, ZSiteRecord } from "../../../../src/workflows/site-access/domain/site-records";
import { codeOf, site } from "./fixtures";

const context = { id: "site-new", organisationId: "org-1" };
const pia = { userId: "aad-pia", name: "Pia" };

describe("applying the vendor's site list", () => {
  it("adds a site it did not know, with or without a Primary Contact", () => {
    const result = applySiteRecord(undefined, ZSiteRecord.parse({ siteNumber: "#765 4321", name: " Fabrikam Reseller " }), context);
    expect(result).toEqual({
      ok: true,
      value: {
        record: { id: "site-new", organisationId: "org-1", siteNumber: "7654321", name: "Fabrikam Reseller", version: 0 },
        audit: [{ action: "site_added", after: { siteNumber: "7654321", name: "Fabrikam Reseller" } }],
      },
    });
  });

  it("changes nothing when the same record comes again, or names no Primary Contact", () => {
    for (const record of [
      { siteNumber: "1234567", name: "Contoso Reseller", primaryContact: pia },
      { siteNumber: "1234567", name: "Contoso Reseller" },
    ]) {
      const result = applySiteRecord(site, ZSiteRecord.parse(record), context);
      expect(result.ok && result.value.audit).toEqual([]);
      expect(result.ok && result.value.record).toBe(site);
    }
  });

  it("renames the site and changes its Primary Contact on the vendor's word, audited", () => {
    const rex = { userId: "aad-rex", name: "Rex" };
    const result = applySiteRecord(site, ZSiteRecord.parse({ siteNumber: "1234567", name: "Contoso Asia", primaryContact: rex }), context);
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.value.record).toMatchObject({ name: "Contoso Asia", primaryContact: rex, version: 3 });
    expect(result.value.audit).toEqual([
      { action: "site_renamed", before: { name: "Contoso Reseller" }, after: { name: "Contoso Asia" } },
      { action: "primary_contact_changed", before: { primaryContact: pia }, after: { primaryContact: rex } },
    ]);
  });

  it("refuses a record whose site number is not one, and fields it does not know", () => {
    expect(codeOf(applySiteRecord(undefined, ZSiteRecord.parse({ siteNumber: "12", name: "X" }), context))).toBe("site_number_invalid");
    expect(ZSiteRecord.safeParse({ siteNumber: "1234567", name: "X", owner: "me" }).success).toBe(false);
    expect(ZSiteRecord.safeParse({ siteNumber: "1234567", name: "  " }).success).toBe(false);
  });
});
