"use client";

import { ApiReferenceReact } from "@scalar/api-reference-react";
import { useMemo } from "react";
import type { Theme } from "@/components/theme/theme";
import { buildReferenceConfiguration } from "./reference-configuration";
// Scalar's layout and components; the dashboard's palette on top (unlayered, so it wins over Scalar's layers).
import "@scalar/api-reference-react/style.css";
import "./api-reference-theme.css";

/** Loaded only in the browser (components/api-docs/api-reference.tsx): Scalar mounts a Vue app into a div. */
export default function ScalarReference({ theme }: { theme: Theme }) {
  const configuration = useMemo(() => buildReferenceConfiguration(theme), [theme]);
  return <ApiReferenceReact configuration={configuration} />;
}
