"use client";

import { useSyncExternalStore } from "react";
import {
  applyTheme,
  DARK_SCHEME_QUERY,
  readThemePreference,
  resolveTheme,
  THEME_PREFERENCES,
  THEME_STORAGE_KEY,
  type ThemePreference,
} from "./theme";

const LABELS: Readonly<Record<ThemePreference, string>> = { light: "Light", dark: "Dark", system: "System" };

const listeners = new Set<() => void>();

function readStored(): ThemePreference {
  try {
    return readThemePreference(window.localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return "system";
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const media = window.matchMedia(DARK_SCHEME_QUERY);
  // Another tab's choice, and the system switching while "system" is chosen.
  const onChange = () => {
    applyTheme(document.documentElement, resolveTheme(readStored(), media.matches));
    listener();
  };
  window.addEventListener("storage", onChange);
  media.addEventListener("change", onChange);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onChange);
    media.removeEventListener("change", onChange);
  };
}

function choose(preference: ThemePreference) {
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // Storage refused (a private window): the choice lasts for this page only.
  }
  applyTheme(
    document.documentElement,
    resolveTheme(preference, window.matchMedia(DARK_SCHEME_QUERY).matches),
  );
  listeners.forEach((notify) => notify());
}

/** Light, dark, or the system's: kept in this browser, applied at once and before paint on the next page load. */
export function ThemeSelect() {
  const preference = useSyncExternalStore(subscribe, readStored, () => "system" as const);
  return (
    <label className="flex items-center gap-2 text-sm text-slate-600">
      Theme
      <select
        value={preference}
        onChange={(event) => choose(readThemePreference(event.target.value))}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800"
      >
        {THEME_PREFERENCES.map((option) => (
          <option key={option} value={option}>
            {LABELS[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
