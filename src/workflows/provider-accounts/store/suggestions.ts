// Suggestions and the search, over the organisation's customer records read a page at a time:
// the best few are kept as pages go by, so memory and statements stay bounded at any size.
import type { DbTx } from "../../../platform/store/db";
import type { CustomerRecord } from "../domain/customer-records";
import type { ProviderAccount } from "../domain/provider-accounts";
import { SEARCH_RESULTS_SHOWN, SUGGESTIONS_SHOWN, type Suggestion, searchCustomers, suggestCustomers } from "../domain/suggestions";
import { forEachCustomerPage } from "./customer-records";

export async function suggestionsFor(db: DbTx, account: ProviderAccount, limit = SUGGESTIONS_SHOWN): Promise<Suggestion[]> {
  let best: Suggestion[] = [];
  await forEachCustomerPage(db, account.organisationId, (page) => {
    const candidates = [...best.map((suggestion) => suggestion.customer), ...page];
    best = suggestCustomers(account, candidates, limit);
  });
  return best;
}

export async function searchCustomerRecords(db: DbTx, organisationId: string, query: string, limit = SEARCH_RESULTS_SHOWN): Promise<CustomerRecord[]> {
  let best: CustomerRecord[] = [];
  await forEachCustomerPage(db, organisationId, (page) => {
    best = searchCustomers(query, [...best, ...page], limit);
  });
  return best;
}
