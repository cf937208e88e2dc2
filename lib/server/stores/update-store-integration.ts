import "server-only";
import { randomUUID } from "node:crypto";
import { jsonPatchErrorReason } from "@/lib/server/api/json-patch-error-reason";
import jsonpatch, { type Operation } from "fast-json-patch";
import { z } from "zod";
import { storeIntegrationCreateSchema, type StoredRedisConfig } from "@/lib/schemas/store-integration";
import type { prisma } from "@/lib/server/db";
import { ApiError } from "@/lib/server/api/errors";
import type { Principal } from "@/lib/server/access/principal";
import { storeIntegrationResource } from "@/lib/server/access/resource-names";
import { recordAuditEntry } from "@/lib/server/audit/record-audit-entry";
import { releaseRetiredTarget } from "@/lib/server/stores/release-retired-target";
import { retireStoreTarget } from "@/lib/server/stores/retire-store-target";
import { rethrowTargetTaken } from "@/lib/server/stores/rethrow-target-taken";
import { parseStoredConfig } from "@/lib/server/stores/parse-stored-config";
import { toStoredConfig } from "@/lib/server/stores/to-stored-config";
import { runTransaction } from "@/lib/server/transactions/run-transaction";

/** A store has a handful of fields; more operations than this are a mistake or an attack. */
const MAX_PATCH_OPERATIONS = 100;

const patchSchema = z
  .array(
    z.object({
      op: z.enum(["add", "replace", "remove", "test"]),
      path: z
        .string()
        .regex(
          /^\/(name|on|tags(\/(-|\d+))?|version|config(\/(url|host|port|username|password|tls|prefix))?)$/,
          {
            message: "may only touch /name, /on, /tags, /config/*, or test /version",
          },
        ),
      value: z.unknown().optional(),
    }),
  )
  .min(1)
  .max(MAX_PATCH_OPERATIONS, `at most ${MAX_PATCH_OPERATIONS} operations`);

function sameServer(before: StoredRedisConfig, after: StoredRedisConfig): boolean {
  return (
    before.host === after.host &&
    before.port === after.port &&
    before.db === after.db &&
    before.tls === after.tls &&
    before.username === after.username
  );
}

type Environment = { id: string; key: string; tags: string[]; project: { key: string; tags: string[] } };
type StoreRow = Awaited<ReturnType<typeof prisma.storeIntegration.findFirstOrThrow>>;

/** JSON Patch of a store. A change of configuration, or turning it on, rebuilds the store from PostgreSQL. */
export async function updateStoreIntegration(
  principal: Principal,
  environment: Environment,
  store: StoreRow,
  patchInput: unknown,
) {
  const patch = patchSchema
    .parse(patchInput)
    .map((operation): Operation =>
      operation.op === "remove"
        ? { op: "remove", path: operation.path }
        : { op: operation.op, path: operation.path, value: operation.value },
    );
  const stored = parseStoredConfig(store.config);
  // The stored password never enters the document: a `test` on /config/password would be an oracle for guessing it.
  // This placeholder, unguessable per request, stands for "the password stays as it is".
  const unchanged = `unchanged-${randomUUID()}`;
  const document = {
    name: store.name,
    on: store.on,
    tags: store.tags,
    version: store.version,
    config: {
      ...(stored.url ? { url: stored.url } : { host: stored.host, port: stored.port }),
      ...(stored.username ? { username: stored.username } : {}),
      ...(stored.url ? {} : { tls: stored.tls }),
      prefix: stored.prefix,
      ...(store.password ? { password: unchanged } : {}),
    },
  };
  let patched: unknown;
  try {
    patched = jsonpatch.applyPatch(jsonpatch.deepClone(document), patch, true, false).newDocument;
  } catch (error) {
    if (error instanceof jsonpatch.JsonPatchError && error.name === "TEST_OPERATION_FAILED") {
      throw new ApiError(
        "optimistic_locking_error",
        "A test operation failed: the store changed since you read it",
      );
    }
    if (!(error instanceof jsonpatch.JsonPatchError)) throw error;
    const index = error.index ?? 0;
    throw new ApiError(
      "invalid_request",
      `Patch operation ${index} on "${patch[index]?.path ?? ""}": ${jsonPatchErrorReason(error.name)}`,
    );
  }
  const next = storeIntegrationCreateSchema.parse(patched);
  const keepsPassword = next.config.password === unchanged;
  const {
    config,
    password: given,
    targetKey,
  } = toStoredConfig({ ...next.config, password: keepsPassword ? undefined : next.config.password }, stored);
  // The password belongs to the server it was given for: moving the store elsewhere drops it unless the patch sets one,
  // or whoever may read the store could send it to a server of their own (test-connection, the worker).
  const password =
    keepsPassword && given === null ? (sameServer(stored, config) ? store.password : null) : given;
  const configChanged = JSON.stringify(config) !== JSON.stringify(stored) || password !== store.password;
  const turnedOn = next.on && !store.on;

  const moved = targetKey !== store.targetKey;

  const transaction = runTransaction(async (tx) => {
    if (moved) await releaseRetiredTarget(tx, store.environmentId, targetKey);
    const updated = await tx.storeIntegration.updateMany({
      where: { id: store.id, version: store.version },
      data: {
        name: next.name,
        on: next.on,
        tags: next.tags ?? [],
        config,
        password,
        targetKey,
        version: { increment: 1 },
        ...(configChanged || turnedOn ? { needsFullSync: true } : {}),
      },
    });
    if (updated.count === 0)
      throw new ApiError("optimistic_locking_error", "The store changed since you read it");
    // What the store wrote at its old target is removed there by the worker, not left for whoever comes next.
    if (moved) await retireStoreTarget(tx, store);
    await recordAuditEntry(tx, principal, {
      kind: "integration",
      name: next.name,
      description: `Updated the Redis store ${next.name}`,
      action: "updateIntegration",
      target: storeIntegrationResource(environment.project, environment, store.id),
      previous: {
        name: store.name,
        on: store.on,
        tags: store.tags,
        config: { ...stored, passwordSet: store.password !== null },
      },
      current: {
        name: next.name,
        on: next.on,
        tags: next.tags ?? [],
        config: { ...config, passwordSet: password !== null },
      },
    });
    return tx.storeIntegration.findUniqueOrThrow({ where: { id: store.id } });
  });
  return rethrowTargetTaken(transaction);
}
