import type { Metadata } from "next";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { FormatProvider } from "@/components/providers/format-provider";
import { HydrationMarker } from "@/components/providers/hydration-marker";
import { readerLocale } from "@/lib/locale-server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Holdfast", template: "%s · Holdfast" },
  description: "Retention dashboard: churn cohorts, cancel reasons and the at-risk queue.",
};

// Every page renders per request: its scripts carry that request's CSP nonce (set by proxy.ts).
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request's headers makes every page dynamic (and gives the reader's locale).
  const { locale, timeZone } = await readerLocale();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <HydrationMarker />
        <NuqsAdapter>
          <FormatProvider locale={locale} timeZone={timeZone}>
            {children}
          </FormatProvider>
        </NuqsAdapter>
      </body>
    </html>
  );
}
