// The editor's labelled inputs: each names its field, and shows the error about it beside it
// (described by it, marked invalid), whether the browser's check or the server's found it.
import type { ReactNode } from "react";

export const control =
  "mt-1 block w-full min-w-0 max-w-full rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm text-ink aria-[invalid=true]:border-bad disabled:opacity-70";
export const smallButton =
  "rounded-md border border-line bg-surface px-2 py-1 text-xs text-ink hover:bg-canvas disabled:opacity-50";

/** The id of the input for a field path ("content.reasons.0.label" → "cf-content-reasons-0-label"). */
export const fieldId = (path: string) => `cf-${path.replace(/[^A-Za-z0-9_-]+/g, "-")}`;

export function FieldError({ path, error }: { path: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={`${fieldId(path)}-error`} className="mt-1 text-xs text-bad" data-field-error={path}>
      {error}
    </p>
  );
}

/** The aria props of an input for `path`, given its error and an optional hint's id. */
export function described(path: string, error: string | undefined, hint?: string) {
  const ids = [error ? `${fieldId(path)}-error` : null, hint ?? null].filter(Boolean).join(" ");
  return { id: fieldId(path), "aria-invalid": error ? true : undefined, "aria-describedby": ids || undefined };
}

export function TextField({
  path,
  label,
  value,
  onChange,
  error,
  hint,
  type = "text",
  multiline = false,
  disabled = false,
  className = "",
  inputMode,
  placeholder,
}: {
  path: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  hint?: string;
  type?: "text" | "url";
  multiline?: boolean;
  disabled?: boolean;
  className?: string;
  inputMode?: "numeric" | "decimal";
  placeholder?: string;
}) {
  const hintId = hint ? `${fieldId(path)}-hint` : undefined;
  const aria = described(path, error, hintId);
  return (
    <div className={`text-sm ${className}`}>
      <label htmlFor={aria.id} className="font-medium">
        {label}
      </label>
      {multiline ? (
        <textarea
          {...aria}
          value={value}
          rows={3}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
          className={control}
        />
      ) : (
        <input
          {...aria}
          type={type}
          value={value}
          disabled={disabled}
          inputMode={inputMode}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
          className={control}
        />
      )}
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      )}
      <FieldError path={path} error={error} />
    </div>
  );
}
