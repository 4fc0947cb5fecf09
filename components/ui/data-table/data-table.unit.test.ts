// The table component's markup: semantic headers, caption, row attributes, empty state, row headers and sorting.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { type ColumnDef, DataTable, type DataTableProps, compactLook } from "./index";

interface Fruit {
  id: string;
  name: string;
  count: number;
}
const fruits: Fruit[] = [
  { id: "a", name: "Apple", count: 3 },
  { id: "b", name: "Banana", count: 1 },
  { id: "c", name: "Cherry", count: 2 },
];
const name: ColumnDef<Fruit> = { header: "Name", accessorKey: "name" };
const count: ColumnDef<Fruit> = {
  header: "Count",
  accessorKey: "count",
  meta: { cellClassName: "px-4 py-2 tabular-nums" },
};
const columns = [name, count];
const html = (props: DataTableProps<Fruit>) => renderToStaticMarkup(createElement(DataTable<Fruit>, props));

describe("DataTable", () => {
  it("draws the framed list as the table shell always has", () => {
    expect(
      html({
        caption: "Fruit",
        columns,
        data: fruits.slice(0, 1),
        getRowId: (f) => f.id,
        rowProps: (f) => ({ "data-testid": "fruit-row", "data-name": f.name }),
      }),
    ).toBe(
      '<div class="overflow-x-auto rounded-xl border border-line bg-surface"><table class="w-full text-left text-sm">' +
        '<caption class="sr-only">Fruit</caption>' +
        '<thead class="border-b border-line bg-canvas/60 text-xs uppercase tracking-wide text-muted"><tr>' +
        '<th scope="col" class="px-4 py-2 font-medium">Name</th><th scope="col" class="px-4 py-2 font-medium">Count</th>' +
        '</tr></thead><tbody class="divide-y divide-line">' +
        '<tr data-testid="fruit-row" data-name="Apple"><td class="px-4 py-2">Apple</td><td class="px-4 py-2 tabular-nums">3</td></tr>' +
        "</tbody></table></div>",
    );
  });

  it("says so in one full-width row when there are no rows, and draws an empty body without `empty`", () => {
    expect(html({ caption: "Fruit", columns, data: [], empty: "No fruit yet." })).toContain(
      '<tbody class="divide-y divide-line"><tr><td colSpan="2" class="px-4 py-6 text-center text-muted">No fruit yet.</td></tr></tbody>',
    );
    expect(html({ caption: "Fruit", columns, data: [] })).toContain('<tbody class="divide-y divide-line"></tbody>');
  });

  it("draws a row-header column as <th scope=row>, a look without a frame, and no header when asked", () => {
    const out = html({
      caption: "Fruit",
      columns: [{ header: "Name", accessorKey: "name", meta: { rowHeader: true, cellClassName: "text-left" } }, count],
      data: fruits.slice(1, 2),
      look: compactLook,
      header: false,
    });
    expect(out.startsWith('<table class="w-full text-left text-sm">')).toBe(true);
    expect(out).not.toContain("<thead");
    expect(out).toContain('<th scope="row" class="text-left">Banana</th>');
  });

  it("sorts by the caller's state and marks the sorted column for assistive technology", () => {
    const out = html({
      caption: "Fruit",
      columns,
      data: fruits,
      sorting: { state: [{ id: "count", desc: true }], onChange: () => {} },
    });
    expect([...out.matchAll(/<td class="px-4 py-2">(\w+)<\/td>/g)].map((m) => m[1])).toEqual([
      "Apple",
      "Cherry",
      "Banana",
    ]);
    expect(out).toContain('aria-sort="descending"');
    expect(out).toContain('aria-sort="none"');
  });

  it("leaves rows in the given order when the server sorted them", () => {
    const out = html({
      caption: "Fruit",
      columns,
      data: fruits,
      sorting: { state: [{ id: "count", desc: true }], onChange: () => {}, manual: true },
    });
    expect([...out.matchAll(/<td class="px-4 py-2">(\w+)<\/td>/g)].map((m) => m[1])).toEqual([
      "Apple",
      "Banana",
      "Cherry",
    ]);
  });
});
