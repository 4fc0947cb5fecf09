// /docs/<name>: the project's documentation (docs/*.md) for signed-in users.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MarkdownDoc } from "@/components/docs/markdown-doc";
import { requireUser } from "@/lib/auth/session";
import { DOCS, docHref, findDoc, readDoc } from "@/lib/docs";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const doc = findDoc((await params).name);
  return { title: doc ? doc.title : "Documentation" };
}

export default async function DocPage({ params }: Props) {
  await requireUser("cs");
  const doc = findDoc((await params).name);
  if (!doc) notFound();
  const source = await readDoc(doc.name);
  return (
    <>
      <nav aria-label="Documentation" className="mb-6 flex gap-2 text-sm">
        {DOCS.map((d) => (
          <a
            key={d.name}
            href={`/docs/${d.name}`}
            aria-current={d.name === doc.name ? "page" : undefined}
            className="rounded-md border border-line px-3 py-1.5 hover:bg-canvas aria-[current=page]:bg-canvas aria-[current=page]:font-semibold"
          >
            {d.title}
          </a>
        ))}
      </nav>
      <MarkdownDoc source={source} resolveHref={docHref} />
    </>
  );
}
