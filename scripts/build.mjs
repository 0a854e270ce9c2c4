// Compiles src/ to plain JavaScript in dist/ (same folder layout), so production runs
// `node dist/main.js` with no TypeScript launcher beside it. Type checking is `npm run
// typecheck`; this only strips types, file by file (tsconfig has isolatedModules), which takes
// seconds. Relative imports are extensionless in the source (Bundler resolution): they are
// rewritten to the .js file (or folder/index.js) Node's ESM loader needs. The JSON assets read
// at run time (catalogs, intent training, lexicons, workflow cards) are copied beside the code,
// paths kept. With --if-stale it does nothing when dist/ is newer than every source file, so
// `npm start` (prestart) costs a few milliseconds after the first build.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const sourceRoot = join(root, "src");
const distRoot = join(root, "dist");
const stamp = join(distRoot, ".built");
// Built beside dist/ and swapped in whole: a bot running from dist/ never sees half a build.
const outRoot = join(root, `.dist-${process.pid}`);

function filesUnder(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

const sources = filesUnder(sourceRoot).filter((path) => /\.(ts|json)$/.test(path) && !path.endsWith(".d.ts"));

if (process.argv.includes("--if-stale") && existsSync(stamp)) {
  const built = statSync(stamp).mtimeMs;
  if (sources.every((path) => statSync(path).mtimeMs <= built)) process.exit(0);
}

/** `./x` -> `./x.js` or `./x/index.js`, judged against the source tree. */
function runtimeSpecifier(fromFile, specifier) {
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) return specifier;
  const target = resolve(dirname(fromFile), specifier);
  if (existsSync(`${target}.ts`)) return `${specifier}.js`;
  if (existsSync(join(target, "index.ts"))) return `${specifier}/index.js`;
  return specifier;
}

function rewriteSpecifiers(fromFile) {
  return (context) => {
    const { factory } = context;
    const literal = (node) => factory.createStringLiteral(runtimeSpecifier(fromFile, node.text));
    const visit = (node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        return factory.updateImportDeclaration(node, node.modifiers, node.importClause, literal(node.moduleSpecifier), node.attributes);
      }
      if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        return factory.updateExportDeclaration(node, node.modifiers, node.isTypeOnly, node.exportClause, literal(node.moduleSpecifier), node.attributes);
      }
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
        return factory.updateCallExpression(node, node.expression, node.typeArguments, [literal(node.arguments[0]), ...node.arguments.slice(1)]);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return (file) => ts.visitNode(file, visit);
  };
}

const compilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  isolatedModules: true,
  sourceMap: true,
  inlineSources: false,
};

await Promise.all(
  sources.map(async (path) => {
    const out = join(outRoot, relative(sourceRoot, path));
    mkdirSync(dirname(out), { recursive: true });
    if (path.endsWith(".json")) {
      copyFileSync(path, out);
      return;
    }
    const jsPath = out.replace(/\.ts$/, ".js");
    const { outputText, sourceMapText } = ts.transpileModule(await readFile(path, "utf8"), {
      compilerOptions,
      fileName: path,
      transformers: { after: [rewriteSpecifiers(path)] },
    });
    writeFileSync(jsPath, outputText.replace(/\/\/# sourceMappingURL=.*$/m, `//# sourceMappingURL=${jsPath.split("/").pop()}.map`));
    if (sourceMapText) writeFileSync(`${jsPath}.map`, sourceMapText);
  }),
);
writeFileSync(join(outRoot, ".built"), `${new Date().toISOString()}\n`);
const previous = join(root, `.dist-old-${process.pid}`);
if (existsSync(distRoot)) renameSync(distRoot, previous);
renameSync(outRoot, distRoot);
rmSync(previous, { recursive: true, force: true });
console.error(`built dist/ from ${sources.length} files`);
