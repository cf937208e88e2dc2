/**
 * The mail server of the e2e run (started by playwright.config.ts before the app, which sends invite and reset links to
 * it): a real SMTP server on E2E.smtp.port, whose received mail is served as JSON at E2E.smtp.mailboxUrl. Runs until
 * Playwright stops it.
 */
import { createServer } from "node:http";
import { E2E } from "../e2e-config";
import { startSmtpCapture } from "@/tests/support/smtp-capture";

const smtp = await startSmtpCapture(E2E.smtp.port);
const mailbox = createServer((req, res) => {
  if (req.url !== "/messages") {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(smtp.messages));
});
await new Promise<void>((resolve) => mailbox.listen(E2E.smtp.mailboxPort, "127.0.0.1", resolve));
process.stdout.write(`[smtp] mail server on port ${smtp.port}, mailbox at ${E2E.smtp.mailboxUrl}\n`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    mailbox.close();
    void smtp.close().finally(() => process.exit(0));
  });
}
