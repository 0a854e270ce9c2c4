// Software Assurance planning vouchers (DOMAIN.md section 3): validate and reserve a voucher the
// customer assigned, schedule an eligible consultant, file the completion report, redeem,
// invoice and get paid before the voucher expires. Everything the platform needs is declared here.
import { defineWorkflow } from "../../platform/workflow";
import { voucherActions } from "./actions/vouchers";
import { VOUCHER_API_OPERATIONS, registerVoucherApi } from "./api";
import { VOUCHER_REFUSALS } from "./domain/refusals";
import { VOUCHER_DEADLINES } from "./deadlines/vouchers";
import { voucherDemo } from "./demo/demo";
import { VOUCHER_EVENTS } from "./events";
import { VOUCHER_IMPORT_SECTIONS } from "./import/sections";
import { voucherIntents } from "./intents/vouchers";

export const planningVouchers = defineWorkflow({
  name: "planning-vouchers",
  namespaces: ["voucher"],
  folder: new URL(".", import.meta.url),
  refusals: VOUCHER_REFUSALS,
  refusalWords: "voucher",
  actions: voucherActions,
  intents: voucherIntents,
  // "VCH-7781", "vch 7781": never bare digits, which name engagements.
  references: [{ entity: "voucherReference", prefix: "VCH", minDigits: 3 }],
  deadlines: VOUCHER_DEADLINES,
  importSections: VOUCHER_IMPORT_SECTIONS,
  routes: [registerVoucherApi],
  apiOperations: VOUCHER_API_OPERATIONS,
  events: VOUCHER_EVENTS,
  examples: {
    help: ["voucher.validate", "voucher.status", "voucher.expiring", "voucher.remaining", "voucher.renewal", "voucher.eligibility"],
    welcome: ["voucher.welcome.example.validate"],
    welcomeActions: [{ verb: "voucher.list", titleKey: "voucher.welcome.list" }],
  },
  demo: voucherDemo,
});
