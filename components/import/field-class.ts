// The look of the import page's selects.
export const FIELD_CLASS = "rounded-md border border-line bg-surface px-2 py-1.5 text-sm";
