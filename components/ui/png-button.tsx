"use client";
// "Download PNG": draws the chart of the panel it sits in (its SVG, with the computed colours of
// the current theme written in) onto a canvas at twice the size, and saves it.
const PROPS = [
  "fill",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "opacity",
  "fill-opacity",
  "stroke-opacity",
  "font-size",
  "font-family",
  "font-weight",
  "text-anchor",
];

function inline(source: Element, clone: Element) {
  const style = getComputedStyle(source);
  clone.setAttribute("style", PROPS.map((p) => `${p}:${style.getPropertyValue(p)}`).join(";"));
  for (let i = 0; i < source.children.length; i++) {
    const s = source.children[i];
    const c = clone.children[i];
    if (s && c) inline(s, c);
  }
}

export async function chartPng(svg: SVGSVGElement): Promise<Blob> {
  const { width, height } = svg.getBoundingClientRect();
  // importNode is cloneNode(true) typed as the node it copies (the chart is already in this document).
  const clone = document.importNode(svg, true);
  inline(svg, clone);
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * 2);
  canvas.height = Math.round(height * 2);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("No canvas to draw on.");
  ctx.fillStyle = getComputedStyle(document.documentElement).getPropertyValue("--color-surface") || "#fff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(2, 2);
  ctx.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("The chart could not be drawn."))), "image/png"),
  );
}

export function PngButton({ filename }: { filename: string }) {
  return (
    <button
      type="button"
      className="rounded-md border border-line px-2 py-1 text-xs text-muted hover:bg-canvas hover:text-ink"
      onClick={async (e) => {
        // The chart is the largest drawing of the panel (legend icons are small ones).
        const svgs = [
          ...(e.currentTarget.closest("section")?.querySelectorAll<SVGSVGElement>("svg.recharts-surface") ?? []),
        ];
        const area = (s: SVGSVGElement) => s.getBoundingClientRect().width * s.getBoundingClientRect().height;
        const svg = svgs.sort((a, b) => area(b) - area(a))[0];
        if (!svg) return;
        const url = URL.createObjectURL(await chartPng(svg));
        const a = document.createElement("a");
        a.href = url;
        a.download = filename;
        a.click();
        // Revoked once the download has started: revoking at once can cancel it.
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      }}
    >
      Download PNG
    </button>
  );
}
