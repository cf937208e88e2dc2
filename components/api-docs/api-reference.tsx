"use client";

import dynamic from "next/dynamic";
import { useEffect, useSyncExternalStore } from "react";
import type { Theme } from "@/components/theme/theme";

// Scalar renders in the browser only (it mounts a Vue app into a div); the server sends the loading state.
const ScalarReference = dynamic(() => import("./scalar-reference"), {
  ssr: false,
  loading: () => (
    <p role="status" className="text-sm text-slate-600">
      Loading the API reference…
    </p>
  ),
});

/** Follows the `dark` class that components/theme puts on <html>, whoever changes it (the theme menu, the system). */
function subscribeToThemeClass(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

function documentTheme(): Theme {
  return document.documentElement.classList.contains("dark") ? "dark" : "light";
}

/**
 * Scalar styles itself by a `dark-mode` or `light-mode` class on <body> and reads its colour mode once, when it mounts:
 * the class is kept in step here, and a new theme mounts the reference afresh so its own state agrees. Leaving the page
 * takes the class away, so no other page inherits Scalar's colour scheme.
 */
function useScalarBodyClass(theme: Theme) {
  useEffect(() => {
    document.body.classList.toggle("dark-mode", theme === "dark");
    document.body.classList.toggle("light-mode", theme === "light");
    return () => document.body.classList.remove("dark-mode", "light-mode");
  }, [theme]);
}

export function ApiReference() {
  const theme = useSyncExternalStore<Theme>(subscribeToThemeClass, documentTheme, () => "light");
  useScalarBodyClass(theme);
  return <ScalarReference key={theme} theme={theme} />;
}
