import path from "node:path";
import ts from "typescript";

/** How deep nested models are followed; LaunchDarkly's deepest answers (audit entries' subentries) fit well within. */
export const MODEL_CHECK_MAX_DEPTH = 8;

const CLIENT_DECLARATIONS = path.resolve(
  process.cwd(),
  "node_modules/launchdarkly-api-typescript/dist/api.d.ts",
);

export type ModelChecker = {
  /** Where `value` (a parsed JSON answer) breaks the interface `model`: one line per problem, none when it fits. */
  check: (model: string, value: unknown) => string[];
};

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
};

function programFor(fileName: string, sourceText: string | undefined): ts.Program {
  const host = ts.createCompilerHost(COMPILER_OPTIONS);
  if (sourceText !== undefined) {
    const getSourceFile = host.getSourceFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    host.getSourceFile = (name, languageVersion, ...rest) =>
      name === fileName
        ? ts.createSourceFile(name, sourceText, languageVersion)
        : getSourceFile(name, languageVersion, ...rest);
    host.fileExists = (name) => name === fileName || fileExists(name);
  }
  return ts.createProgram([fileName], COMPILER_OPTIONS, host);
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks JSON answers against the model interfaces of a TypeScript declaration file, by default the ones LaunchDarkly's
 * own API client (`launchdarkly-api-typescript`) types its answers with: what that client's users are promised.
 * Required properties must be present; every present property must have the model's JSON type (`null` fits only a model
 * that allows `null`: LaunchDarkly omits what it lacks); properties the model does not name are allowed.
 */
export function createModelChecker(
  source: { fileName: string; sourceText?: string } = { fileName: CLIENT_DECLARATIONS },
): ModelChecker {
  const program = programFor(source.fileName, source.sourceText);
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(source.fileName);
  if (!file) throw new Error(`cannot read model declarations at ${source.fileName}`);
  const models = new Map<string, ts.Type>();
  for (const statement of file.statements) {
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      models.set(statement.name.text, checker.getTypeAtLocation(statement.name));
    }
  }

  function describe(type: ts.Type): string {
    return checker.typeToString(type);
  }

  function checkObject(type: ts.Type, value: unknown, at: string, depth: number, problems: string[]): void {
    if (!isRecord(value)) {
      problems.push(`${at}: expected an object (${describe(type)}), got ${jsonTypeOf(value)}`);
      return;
    }
    const declared = new Set<string>();
    for (const property of checker.getPropertiesOfType(type)) {
      declared.add(property.name);
      const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
      if (!(property.name in value)) {
        if (!optional) problems.push(`${at}.${property.name}: required by the model, missing`);
        continue;
      }
      checkValue(
        checker.getTypeOfSymbol(property),
        value[property.name],
        `${at}.${property.name}`,
        depth + 1,
        problems,
      );
    }
    const indexType = checker
      .getIndexInfosOfType(type)
      .find((info) => info.keyType.flags & ts.TypeFlags.String)?.type;
    if (indexType === undefined) return;
    for (const [key, entry] of Object.entries(value)) {
      if (!declared.has(key)) checkValue(indexType, entry, `${at}.${key}`, depth + 1, problems);
    }
  }

  function checkValue(type: ts.Type, value: unknown, at: string, depth: number, problems: string[]): void {
    if (depth > MODEL_CHECK_MAX_DEPTH) return;
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return;
    if (type.isUnion()) {
      // An optional property's type includes `undefined`, which JSON cannot carry; absence was checked already.
      const members = type.types.filter((member) => !(member.flags & ts.TypeFlags.Undefined));
      const [only] = members;
      if (members.length === 1 && only !== undefined) {
        checkValue(only, value, at, depth, problems);
        return;
      }
      const fits = members.some((member) => {
        const attempt: string[] = [];
        checkValue(member, value, at, depth, attempt);
        return attempt.length === 0;
      });
      if (!fits) {
        const shown = members.map(describe).join(" | ");
        problems.push(`${at}: expected ${shown}, got ${JSON.stringify(value) ?? "undefined"}`);
      }
      return;
    }
    if (type.flags & ts.TypeFlags.Null) {
      if (value !== null) problems.push(`${at}: expected null, got ${jsonTypeOf(value)}`);
      return;
    }
    if (value === null) {
      problems.push(`${at}: null where the model says ${describe(type)} (omit the property instead)`);
      return;
    }
    if (type.isStringLiteral() || type.isNumberLiteral()) {
      if (value !== type.value)
        problems.push(`${at}: expected ${describe(type)}, got ${JSON.stringify(value)}`);
      return;
    }
    if (type.flags & ts.TypeFlags.BooleanLiteral) {
      if (value !== (describe(type) === "true"))
        problems.push(`${at}: expected ${describe(type)}, got ${JSON.stringify(value)}`);
      return;
    }
    const primitive: Array<[ts.TypeFlags, string]> = [
      [ts.TypeFlags.StringLike, "string"],
      [ts.TypeFlags.NumberLike, "number"],
      [ts.TypeFlags.BooleanLike, "boolean"],
    ];
    for (const [flag, jsonType] of primitive) {
      if (type.flags & flag) {
        if (typeof value !== jsonType) problems.push(`${at}: expected ${jsonType}, got ${jsonTypeOf(value)}`);
        return;
      }
    }
    if (checker.isArrayType(type)) {
      if (!Array.isArray(value)) {
        problems.push(`${at}: expected an array (${describe(type)}), got ${jsonTypeOf(value)}`);
        return;
      }
      const [elementType] = checker.getTypeArguments(type as ts.TypeReference);
      if (elementType === undefined) return;
      value.forEach((element: unknown, index) =>
        checkValue(elementType, element, `${at}[${index}]`, depth + 1, problems),
      );
      return;
    }
    checkObject(type, value, at, depth, problems);
  }

  return {
    check(model, value) {
      const type = models.get(model);
      if (type === undefined) throw new Error(`the declarations have no model named ${model}`);
      const problems: string[] = [];
      checkValue(type, value, model, 0, problems);
      return problems;
    },
  };
}

let clientModels: ModelChecker | undefined;

/** The checker for LaunchDarkly's client models, built once per test file (reading its 30k-line declarations takes a second). */
export function launchDarklyModels(): ModelChecker {
  clientModels ??= createModelChecker();
  return clientModels;
}
