// Renders one of the project's Markdown documents with the app's own typography (no raw HTML).
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";

const heading = "scroll-mt-6 font-semibold tracking-tight";

export function MarkdownDoc({ source, resolveHref }: { source: string; resolveHref: (href: string) => string | null }) {
  const components: Components = {
    h1: ({ children, id }) => (
      <h1 id={id} className={`${heading} mb-4 text-2xl`}>
        {children}
      </h1>
    ),
    h2: ({ children, id }) => (
      <h2 id={id} className={`${heading} mt-10 mb-3 border-b border-line pb-1 text-xl`}>
        {children}
      </h2>
    ),
    h3: ({ children, id }) => (
      <h3 id={id} className={`${heading} mt-6 mb-2 text-lg`}>
        {children}
      </h3>
    ),
    h4: ({ children, id }) => (
      <h4 id={id} className={`${heading} mt-4 mb-2`}>
        {children}
      </h4>
    ),
    p: ({ children }) => <p className="my-3 leading-relaxed">{children}</p>,
    ul: ({ children }) => <ul className="my-3 list-disc space-y-1 pl-6">{children}</ul>,
    ol: ({ children }) => <ol className="my-3 list-decimal space-y-1 pl-6">{children}</ol>,
    a: ({ children, href }) => {
      const target = href ? resolveHref(href) : null;
      if (!target) return <span className="font-medium">{children}</span>;
      return (
        <a href={target} className="text-accent underline underline-offset-2">
          {children}
        </a>
      );
    },
    code: ({ children, className }) =>
      className ? (
        <code className={className}>{children}</code>
      ) : (
        <code className="rounded bg-canvas px-1 py-0.5 text-[0.9em]">{children}</code>
      ),
    pre: ({ children }) => (
      <pre
        tabIndex={0}
        className="my-4 overflow-x-auto rounded-lg border border-line bg-canvas p-4 text-sm leading-relaxed [&_code]:bg-transparent [&_code]:p-0"
      >
        {children}
      </pre>
    ),
    blockquote: ({ children }) => (
      <blockquote className="my-4 border-l-4 border-line pl-4 text-muted">{children}</blockquote>
    ),
    table: ({ children }) => (
      <div className="my-4 overflow-x-auto">
        <table className="w-full border-collapse text-sm">{children}</table>
      </div>
    ),
    th: ({ children }) => <th className="border-b border-line px-3 py-2 text-left font-semibold">{children}</th>,
    td: ({ children }) => <td className="border-b border-line px-3 py-2 align-top">{children}</td>,
    hr: () => <hr className="my-8 border-line" />,
  };
  return (
    <article className="max-w-4xl text-[15px]">
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSlug]} components={components}>
        {source}
      </ReactMarkdown>
    </article>
  );
}
