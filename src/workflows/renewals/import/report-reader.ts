// `npm run import -- renewals.csv`: the vendor's renewal report as a file type the import takes.
// Its problems are worded in English for the operator, each naming its line and column.
import type { ImportFileReader } from "../../../platform/import/file-reader";
import type { ImportProblem } from "../../../platform/import/problems";
import { type Translator, translator } from "../../../platform/i18n/translator";
import type { RenewalImportError } from "../domain/refusals";
import { RENEWAL_SECTION } from "./line-items";
import { readReportFile } from "./report-file";

export function importErrorText(t: Translator, error: RenewalImportError): string {
  return t.t(`renewal.importError.${error.code}`, { line: error.line, column: error.column ?? "", value: error.value ?? "", ...error.facts });
}

export function importErrorProblem(error: RenewalImportError): ImportProblem {
  return { where: "", message: importErrorText(translator("en"), error) };
}

export const renewalReportReader: ImportFileReader = {
  extension: ".csv",
  description: "the vendor's renewal report (CSV), in English or Indonesian",
  read(bytes) {
    const reading = readReportFile(bytes);
    if (!reading.ok) return { ok: false, problems: reading.errors.map(importErrorProblem) };
    return { ok: true, sections: { [RENEWAL_SECTION]: reading.items } };
  },
};
