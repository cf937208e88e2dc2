import { readdirSync, readFileSync } from "node:fs";
import { expect, test } from "../fixtures";

// Production runs compiled JavaScript, one copy of each module per process: the web server and the store worker are
// esbuild bundles (dist/), Next.js runs its own build in a process of its own, and nothing loads a TypeScript loader.

type ProcessInfo = { pid: number; ppid: number; args: string[] };

function processes(): ProcessInfo[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      try {
        const args = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").filter(Boolean);
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        // The fields after the command name, which is in parentheses and may itself contain spaces.
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        return [{ pid: Number(entry), ppid, args }];
      } catch {
        return []; // exited meanwhile
      }
    });
}

test("the app's processes run compiled bundles and no TypeScript loader", () => {
  const all = processes();
  const web = all.find((info) => info.args.some((arg) => arg.endsWith("dist/api-server.mjs")));
  expect(web, "the web server (dist/api-server.mjs)").toBeDefined();
  const start = all.find((info) => info.pid === web?.ppid);
  expect(start?.args.some((arg) => arg.endsWith("dist/start.mjs"))).toBe(true);

  const tree: ProcessInfo[] = [];
  const visit = (pid: number) => {
    for (const child of all.filter((info) => info.ppid === pid)) {
      tree.push(child);
      visit(child.pid);
    }
  };
  if (start) visit(start.pid);
  const commands = tree.map((info) => info.args.join(" "));
  expect(commands).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/dist\/api-server\.mjs$/),
      expect.stringMatching(/scripts\/next-server\.mjs$/),
      expect.stringMatching(/dist\/store-worker\.mjs$/),
    ]),
  );
  for (const info of [...tree, ...(start ? [start] : [])]) {
    expect(info.args.join(" ")).not.toMatch(/\btsx\b|--import|--loader|\.ts\b/);
  }
});
