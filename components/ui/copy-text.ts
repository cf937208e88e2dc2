/** What happened to a copy: only "copied" may be reported as copied. */
export type CopyOutcome = "copied" | "unavailable" | "failed";

/** The part of the browser's Clipboard API a copy needs; absent on a non-secure origin (plain HTTP other than localhost). */
export type ClipboardWriter = { writeText: (text: string) => Promise<void> };

/**
 * Writes `text` to the clipboard and says honestly whether it got there: "unavailable" when the page may not use the
 * Clipboard API at all, "failed" when the browser refused the write (permission, focus, policy).
 */
export async function copyText(
  text: string,
  clipboard: ClipboardWriter | undefined,
  secureContext: boolean,
): Promise<CopyOutcome> {
  if (!secureContext || clipboard === undefined || typeof clipboard.writeText !== "function")
    return "unavailable";
  try {
    await clipboard.writeText(text);
    return "copied";
  } catch {
    return "failed";
  }
}

/** The copy shortcut to suggest on this platform (`navigator.platform` or `userAgentData.platform`). */
export function copyShortcut(platform: string): string {
  return /mac|iphone|ipad|ipod/i.test(platform) ? "⌘C" : "Ctrl+C";
}

/** What the fallback field says when the text could not be copied for the member. */
export function manualCopyHint(outcome: Exclude<CopyOutcome, "copied">, platform: string): string {
  const why =
    outcome === "unavailable"
      ? "This page cannot use the clipboard (it is not served over HTTPS or from localhost)."
      : "The browser did not allow copying.";
  return `${why} The text is selected: press ${copyShortcut(platform)} to copy it.`;
}
