#!/usr/bin/env node
// Lists the exports of packages whose TSDoc has no @example (CONTRIBUTING: "TSDoc
// with an @example on every export"), and those their README never names ("every
// export with an example"). Reads each entry point of a package (src/<name>.ts for
// every ./dist/<name>.js in package.json "exports") with the TypeScript compiler,
// follows re-exports to the declarations, and checks the value and the type side
// of a name apart (`const ChatModel` and `type ChatModel` are two things a reader
// hovers). Declarations of another package (core's types re-exported by chat) are
// that package's to document. Exits 1 when anything is missing.
//
//   node tooling/check-examples.mjs chat completions   # some packages
//   node tooling/check-examples.mjs                    # every package
//   node tooling/check-examples.mjs --packages DIR     # the packages in another folder
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;
// --packages DIR reads another folder of packages (the script's own test uses a fixture).
const folderFlag = process.argv.indexOf('--packages');
const packagesFolder = folderFlag > 0 ? process.argv[folderFlag + 1] : join(root, 'packages');
const names = process.argv.slice(2).filter((argument, index, all) => !argument.startsWith('-') && all[index - 1] !== '--packages');
const packages = (names.length > 0 ? names : readdirSync(packagesFolder)).filter((name) => existsSync(join(packagesFolder, name, 'src', 'index.ts')));

function hasExample(declaration) {
  return ts.getJSDocTags(declaration).some((tag) => tag.tagName.text === 'example');
}

// A variable's JSDoc sits on its statement; ts.getJSDocTags finds it from the declaration.
function sideOf(declaration) {
  if (ts.isTypeAliasDeclaration(declaration) || ts.isInterfaceDeclaration(declaration)) return 'type';
  return 'value';
}

function entryPoints(packageFolder) {
  const manifest = JSON.parse(readFileSync(join(packageFolder, 'package.json'), 'utf8'));
  const targets = Object.values(manifest.exports ?? {}).map((target) => (typeof target === 'string' ? target : target.default ?? target.import));
  const sources = targets
    .map((target) => /^\.\/dist\/(.+)\.js$/.exec(target ?? '')?.[1])
    .filter(Boolean)
    .map((name) => join(packageFolder, 'src', `${name}.ts`));
  return [...new Set(sources)].filter((source) => existsSync(source));
}

let missing = 0;
for (const name of packages) {
  const packageFolder = join(packagesFolder, name);
  const readmePath = join(packageFolder, 'README.md');
  const readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : '';
  for (const entry of entryPoints(packageFolder)) {
    // Only declarations and their comments are read, so no lib or @types files are loaded: that keeps it quick.
    const program = ts.createProgram([entry], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, noEmit: true, noLib: true, types: [] });
    const checker = program.getTypeChecker();
    const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry));
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const sides = new Map();
      for (const declaration of symbol.declarations ?? []) {
        if (!declaration.getSourceFile().fileName.startsWith(`${packageFolder}/src/`)) continue;
        const side = sideOf(declaration);
        const entryOfSide = sides.get(side) ?? { documented: false, declaration };
        entryOfSide.documented ||= hasExample(declaration);
        sides.set(side, entryOfSide);
      }
      for (const [side, { documented, declaration }] of sides) {
        if (documented) continue;
        const file = declaration.getSourceFile();
        const { line } = file.getLineAndCharacterOfPosition(declaration.getStart());
        console.log(`${relative(root, file.fileName)}:${line + 1} @openai-micro/${name} ${exported.name} (${side}): no @example`);
        missing += 1;
      }
      if (sides.size > 0 && !new RegExp(`\\b${exported.name}\\b`).test(readme)) {
        console.log(`${relative(root, readmePath)} @openai-micro/${name} ${exported.name}: not in the README`);
        missing += 1;
      }
    }
  }
}
if (missing > 0) {
  console.error(`${missing} export(s) without an @example or a README mention`);
  process.exit(1);
}
console.log(`every export of ${packages.join(', ')} has an @example`);
