import { describe, expect, it } from "vitest";
import { copyShortcut, copyText, manualCopyHint } from "./copy-text";

describe("copyText", () => {
  it("reports copied only after the clipboard accepted the text", async () => {
    const written: string[] = [];
    const clipboard = { writeText: (text: string) => Promise.resolve(void written.push(text)) };
    await expect(copyText("api-123", clipboard, true)).resolves.toBe("copied");
    expect(written).toEqual(["api-123"]);
  });

  it("is unavailable without the Clipboard API or outside a secure context, and writes nothing", async () => {
    const written: string[] = [];
    const clipboard = { writeText: (text: string) => Promise.resolve(void written.push(text)) };
    await expect(copyText("x", undefined, true)).resolves.toBe("unavailable");
    await expect(copyText("x", clipboard, false)).resolves.toBe("unavailable");
    expect(written).toEqual([]);
  });

  it("fails, never copied, when the browser refuses the write", async () => {
    const clipboard = { writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) };
    await expect(copyText("x", clipboard, true)).resolves.toBe("failed");
  });
});

describe("manualCopyHint", () => {
  it("names the platform's shortcut", () => {
    expect(copyShortcut("MacIntel")).toBe("⌘C");
    expect(copyShortcut("Linux x86_64")).toBe("Ctrl+C");
    expect(copyShortcut("Win32")).toBe("Ctrl+C");
    expect(manualCopyHint("unavailable", "Linux x86_64")).toContain("press Ctrl+C to copy it");
    expect(manualCopyHint("failed", "MacIntel")).toContain("press ⌘C to copy it");
  });
});
