import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import {
  DARK_SCHEME_QUERY,
  readThemePreference,
  resolveTheme,
  THEME_BOOT_SCRIPT,
  THEME_STORAGE_KEY,
} from "./theme";

describe("readThemePreference", () => {
  it("keeps the three known choices", () => {
    expect(readThemePreference("light")).toBe("light");
    expect(readThemePreference("dark")).toBe("dark");
    expect(readThemePreference("system")).toBe("system");
  });

  it("follows the system when nothing or something unknown is stored", () => {
    expect(readThemePreference(null)).toBe("system");
    expect(readThemePreference("Dark")).toBe("system");
    expect(readThemePreference("")).toBe("system");
  });
});

describe("resolveTheme", () => {
  it("lets an explicit choice win over the system", () => {
    expect(resolveTheme("light", true)).toBe("light");
    expect(resolveTheme("dark", false)).toBe("dark");
  });

  it("follows the system for system", () => {
    expect(resolveTheme("system", true)).toBe("dark");
    expect(resolveTheme("system", false)).toBe("light");
  });
});

const REFUSED = Symbol("storage refused");

/** Runs the boot script against a stand-in browser and says whether it put the `dark` class on <html>. */
function bootScriptMakesDark(stored: string | null | typeof REFUSED, systemPrefersDark: boolean): boolean {
  const classes = new Set<string>();
  const window = {
    localStorage: {
      getItem(key: string) {
        if (stored === REFUSED) throw new Error("storage refused");
        return key === THEME_STORAGE_KEY ? stored : null;
      },
    },
    matchMedia(query: string) {
      return { matches: query === DARK_SCHEME_QUERY && systemPrefersDark };
    },
  };
  const document = {
    documentElement: {
      classList: {
        toggle(name: string, force: boolean) {
          if (force) classes.add(name);
          else classes.delete(name);
        },
      },
    },
  };
  runInNewContext(THEME_BOOT_SCRIPT, { window, document });
  return classes.has("dark");
}

describe("THEME_BOOT_SCRIPT", () => {
  const cases: [string | null, boolean][] = [
    [null, false],
    [null, true],
    ["system", false],
    ["system", true],
    ["light", true],
    ["dark", false],
    ["nonsense", true],
  ];
  it.each(cases)(
    "agrees with resolveTheme for stored %s and a dark system %s",
    (stored, systemPrefersDark) => {
      const expected = resolveTheme(readThemePreference(stored), systemPrefersDark) === "dark";
      expect(bootScriptMakesDark(stored, systemPrefersDark)).toBe(expected);
    },
  );

  it("follows the system when storage is refused", () => {
    expect(bootScriptMakesDark(REFUSED, true)).toBe(true);
    expect(bootScriptMakesDark(REFUSED, false)).toBe(false);
  });
});
