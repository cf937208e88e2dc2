/** Where the reader's choice is kept, in this browser only (it is a matter of taste, not of the account). */
export const THEME_STORAGE_KEY = "tributary-theme";

export const THEME_PREFERENCES = ["light", "dark", "system"] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];
export type Theme = "light" | "dark";

/** The media query that says the system asks for dark colours. */
export const DARK_SCHEME_QUERY = "(prefers-color-scheme: dark)";

/** A stored value, whatever is in storage: anything unknown (or nothing) follows the system. */
export function readThemePreference(stored: string | null): ThemePreference {
  return THEME_PREFERENCES.find((preference) => preference === stored) ?? "system";
}

export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): Theme {
  if (preference === "system") return systemPrefersDark ? "dark" : "light";
  return preference;
}

/** Puts the theme on the document: the `dark` class drives Tailwind's `dark:` variant and the dark palette in globals.css. */
export function applyTheme(root: { classList: DOMTokenList }, theme: Theme): void {
  root.classList.toggle("dark", theme === "dark");
}

/**
 * Runs in <head> before the body is painted, so a dark page never flashes light. It repeats readThemePreference and
 * resolveTheme in plain ES5 (it cannot import them); a unit test runs it against both. Storage may be refused (private
 * windows, blocked cookies): then the system decides, as the stylesheet's default would.
 */
export const THEME_BOOT_SCRIPT = `(function(){var s=null;try{s=window.localStorage.getItem(${JSON.stringify(
  THEME_STORAGE_KEY,
)})}catch(e){}var d=s==="dark"||(s!=="light"&&window.matchMedia(${JSON.stringify(
  DARK_SCHEME_QUERY,
)}).matches);document.documentElement.classList.toggle("dark",d)})();`;
