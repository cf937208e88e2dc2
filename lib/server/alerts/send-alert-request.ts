import "server-only";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import {
  ALERT_DELIVERY_TIMEOUT_MS,
  ALERT_RESPONSE_BODY_BYTES,
} from "@/lib/server/alerts/alert-worker-limits";
import { resolveDestinationAddress } from "@/lib/server/alerts/destination-address";
import { signAlertBody } from "@/lib/server/alerts/sign-alert-body";

export type AlertRequest = {
  url: string;
  body: string;
  /** The webhook's secret; null (Slack) sends no signature. */
  secret: string | null;
  deliveryId: string;
  now: Date;
  timeoutMs?: number;
};

export type AlertResponse = { status: number; body: string };

/** Reads at most the kept part of an answer's body, then stops reading. */
function readHead(response: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = () => {
      response.destroy();
      resolve(Buffer.concat(chunks).subarray(0, ALERT_RESPONSE_BODY_BYTES).toString("utf8"));
    };
    response.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= ALERT_RESPONSE_BODY_BYTES) finish();
    });
    response.on("end", finish);
    response.on("error", finish);
  });
}

/**
 * One attempt: a POST to the destination on the address checked by `resolveDestinationAddress`, redirects not followed,
 * everything bounded by the delivery timeout. Resolves with the answer's status (any), rejects on a network error.
 */
export async function sendAlertRequest(input: AlertRequest): Promise<AlertResponse> {
  const url = new URL(input.url);
  const resolved = await resolveDestinationAddress(url);
  const timestamp = String(Math.floor(input.now.getTime() / 1000));
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Tributary-Alerts/1",
    "x-tributary-delivery": input.deliveryId,
    "x-tributary-timestamp": timestamp,
    "content-length": String(Buffer.byteLength(input.body)),
  };
  if (input.secret !== null)
    headers["x-tributary-signature"] = signAlertBody(input.secret, timestamp, input.body);
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [resolved]);
    else callback(null, resolved.address, resolved.family);
  };
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<AlertResponse>((resolve, reject) => {
    const request = send(
      url,
      {
        method: "POST",
        headers,
        lookup: pinned,
        timeout: input.timeoutMs ?? ALERT_DELIVERY_TIMEOUT_MS,
        signal: AbortSignal.timeout(input.timeoutMs ?? ALERT_DELIVERY_TIMEOUT_MS),
      },
      (response) => {
        void readHead(response).then((body) => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on("timeout", () => request.destroy(new Error("timed out")));
    request.on("error", reject);
    request.end(input.body);
  });
}
