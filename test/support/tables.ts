// The folded tables of the shipped workflows, as the bot runs them: what tests hand to the
// functions that take tables (the import format, the reminder sources, the recognizer). Loading
// this module also hands the workflows' cards and catalogs to the renderer and the translator.
import { intentCatalogue, localRecognizer, platformTables } from "../../src/app";
import { importFormat } from "../../src/platform/import/import-file";

export const TABLES = platformTables();
export const IMPORT_FORMAT = importFormat(TABLES.importSections);
export const DEADLINE_SOURCES = TABLES.deadlineSources;
export const INTENT_CATALOGUE = () => intentCatalogue(TABLES);
export const trainedRecognizer = () => localRecognizer(TABLES);
