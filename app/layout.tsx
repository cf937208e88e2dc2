import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ThemeScript } from "@/components/theme/theme-script";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: "Tributary",
  description: "Synced segments, self-hosted",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  // The boot script sets <html>'s `dark` class before React hydrates, so the class differs from the server's on purpose.
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
