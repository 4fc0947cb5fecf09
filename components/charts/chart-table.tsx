// A chart's text alternative: the numbers it draws as a table, behind a disclosure that keyboard
// and screen-reader users reach like any other control. Rows are drawn as given.
export interface ChartColumn<Row> {
  label: string;
  value: (row: Row) => React.ReactNode;
}

export function ChartTable<Row>({
  caption,
  rows,
  rowKey,
  columns,
}: {
  caption: string;
  rows: Row[];
  rowKey: (row: Row) => string;
  columns: ChartColumn<Row>[];
}) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer text-muted">Table of the chart</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-right tabular-nums">
          <caption className="sr-only">{caption}</caption>
          <thead className="text-xs text-muted">
            <tr>
              {columns.map((c, i) => (
                <th key={c.label} scope="col" className={i === 0 ? "text-left" : "px-2"}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)} className="border-t border-line/60">
                {columns.map((c, i) =>
                  i === 0 ? (
                    <th key={c.label} scope="row" className="py-0.5 text-left font-normal">
                      {c.value(row)}
                    </th>
                  ) : (
                    <td key={c.label} className="px-2 py-0.5">
                      {c.value(row)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
