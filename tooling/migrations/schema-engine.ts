import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineGlue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaContainer, SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { parseDatabaseUrl } from "./database-url";
import { createTrackedFactory, type EngineLog } from "./tracked-adapter-factory";

export type { EngineLog } from "./tracked-adapter-factory";

/*
 * The Prisma schema engine (WASM build) driven by @prisma/adapter-pg, for environments where the native engine cannot be
 * downloaded. docs/prisma-wasm.md describes defects 1 and 2 of adapter-pg 7.10 worked around here; defect 3 is described
 * below.
 */

// ---------------------------------------------------------------------------------------------------------------------
// Panics
// ---------------------------------------------------------------------------------------------------------------------

type PanicRegistry = { set_message: (message: string) => void };

declare global {
  // Read by the WASM glue code when the engine panics.
  var PRISMA_WASM_PANIC_REGISTRY: PanicRegistry | undefined;
}

let lastPanicMessage: string | null = null;

function takePanicMessage(): string | null {
  const message = lastPanicMessage;
  lastPanicMessage = null;
  return message;
}

function installPanicRegistry(): void {
  globalThis.PRISMA_WASM_PANIC_REGISTRY = {
    set_message(message: string) {
      lastPanicMessage = message;
      // A panic can surface as an uncaught "RuntimeError: unreachable" outside any awaited call, so say it here too.
      console.error(`Prisma schema engine panic: ${message}`);
    },
  };
}

export class SchemaEngineError extends Error {
  override name = "SchemaEngineError";
}

function describeEngineError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// The engine
// ---------------------------------------------------------------------------------------------------------------------

type EngineClassCache = { promise?: Promise<typeof SchemaEngine> };

// On globalThis, because the glue module is one per process while a test runner may evaluate this module more than once,
// and a second instantiation would re-bind the glue under engines the first one created.
const ENGINE_CLASS_KEY: unique symbol = Symbol.for("tributary.schemaEngineClass");
const globalWithCache: typeof globalThis & { [ENGINE_CLASS_KEY]?: EngineClassCache } = globalThis;
const engineClassCache: EngineClassCache = (globalWithCache[ENGINE_CLASS_KEY] ??= {});

function isNullaryFunction(value: unknown): value is () => unknown {
  return typeof value === "function";
}

/**
 * Instantiates the WASM module by hand, as the package's own entry would with `import ... from "./x.wasm"`: that import
 * needs `node --experimental-wasm-modules` on Node 20, also in the vitest main process (global setup), where no config
 * setting can add it. Nothing else may import the package's main entry, which would re-bind the glue to a second
 * instance.
 */
function loadSchemaEngineClass(): Promise<typeof SchemaEngine> {
  engineClassCache.promise ??= (async () => {
    const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": { ...engineGlue } });
    engineGlue.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (!isNullaryFunction(start)) {
      throw new Error("@prisma/schema-engine-wasm: __wbindgen_start is missing");
    }
    start();
    return engineGlue.SchemaEngine;
  })().catch((error: unknown) => {
    engineClassCache.promise = undefined;
    throw error;
  });
  return engineClassCache.promise;
}

export type SchemaEngineHandle = {
  engine: SchemaEngine;
  /** Runs one engine call, turning a WASM panic or an engine error into a SchemaEngineError with a readable message. */
  run: <T>(label: string, call: (engine: SchemaEngine) => Promise<T>) => Promise<T>;
  /** Frees the engine and closes every pool it opened, dropping any shadow database left behind. */
  dispose: () => Promise<void>;
};

/** The engine refuses to start without a schema; applying migrations needs nothing from it but the connector. */
const CONNECTOR_ONLY_SCHEMA: SchemaContainer = {
  path: "connector-only.prisma",
  content: 'datasource db {\n  provider = "postgresql"\n}\n',
};

export type OpenSchemaEngineOptions = {
  /** Schema files loaded into the engine; without them, a schema naming only the PostgreSQL connector. */
  schemaFiles?: SchemaContainer[];
  log?: EngineLog;
};

export async function openSchemaEngine(
  databaseUrl: string,
  options: OpenSchemaEngineOptions = {},
): Promise<SchemaEngineHandle> {
  const log = options.log ?? (() => undefined);
  installPanicRegistry();
  const { factory, disposeAll } = createTrackedFactory(parseDatabaseUrl(databaseUrl), log);
  const datamodels = (options.schemaFiles ?? [CONNECTOR_ONLY_SCHEMA]).map((file): [string, string] => [
    file.path,
    file.content,
  ]);

  const run = async <T>(label: string, call: () => Promise<T>): Promise<T> => {
    takePanicMessage();
    try {
      return await call();
    } catch (error) {
      const panic = takePanicMessage();
      const message = panic ? `schema engine panicked: ${panic}` : describeEngineError(error);
      throw new SchemaEngineError(`${label} failed: ${message}`, { cause: error });
    }
  };

  let engine: SchemaEngine;
  try {
    const SchemaEngineClass = await loadSchemaEngineClass();
    engine = await run("starting the schema engine", () =>
      SchemaEngineClass.new(
        { datamodels },
        (line: unknown) => log(String(line).trimEnd()),
        bindMigrationAwareSqlAdapterFactory(factory),
      ),
    );
  } catch (error) {
    await disposeAll().catch(() => undefined);
    throw error;
  }

  let disposed = false;
  return {
    engine,
    run: (label, call) => run(label, () => call(engine)),
    dispose: async () => {
      if (disposed) return;
      disposed = true;
      try {
        engine.free();
      } catch (error) {
        // After a panic the engine's state is poisoned and free() throws; closing the pools is what matters.
        log(`freeing the schema engine failed: ${describeEngineError(error)}`);
      }
      await disposeAll();
    },
  };
}

/** Opens an engine, runs `body`, and always disposes the engine and its pools, so the process can exit. */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  options: OpenSchemaEngineOptions,
  body: (handle: SchemaEngineHandle) => Promise<T>,
): Promise<T> {
  const handle = await openSchemaEngine(databaseUrl, options);
  let result: T;
  try {
    result = await body(handle);
  } catch (error) {
    // The body's error is the one worth reporting; a failure to close after it would only hide it.
    await handle.dispose().catch(() => undefined);
    throw error;
  }
  await handle.dispose();
  return result;
}
