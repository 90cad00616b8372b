import { useEffect, useRef, type MouseEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { fieldId } from "@/components/webhooks/form/form-schema";

export interface SummaryEntry {
  path: string;
  /** The field's label; null for a problem that belongs to no field. */
  label: string | null;
  message: string;
}

/** "Timeout: Timeout must be…" says the label twice; a message that starts with it stands alone. */
const namesItsField = (label: string, message: string) => message.toLowerCase().startsWith(label.toLowerCase());

function focusField(event: MouseEvent<HTMLAnchorElement>, path: string) {
  event.preventDefault();
  const field = document.getElementById(fieldId(path));
  if (!field) return;
  field.focus({ preventScroll: true });
  field.scrollIntoView({ block: "center" });
}

/**
 * Every problem at the top of the form, focused each time a save fails (`attempt`); each also shows
 * at its field, and each item is a link that moves focus to that field.
 */
export function ErrorSummary({
  title,
  entries,
  attempt,
}: {
  title: string;
  entries: readonly SummaryEntry[];
  attempt: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: "center" });
  }, [attempt]);
  return (
    <Alert ref={ref} tabIndex={-1} tone="danger" title={title} className="outline-none">
      {entries.length > 0 ? (
        <ul className="list-disc pl-4">
          {entries.map(({ path, label, message }) => (
            <li key={path}>
              {label === null ? (
                message
              ) : (
                <a
                  href={`#${fieldId(path)}`}
                  onClick={(event) => focusField(event, path)}
                  className="underline underline-offset-2 hover:no-underline"
                >
                  {namesItsField(label, message) ? (
                    message
                  ) : (
                    <>
                      <span className="font-medium">{label}:</span> {message}
                    </>
                  )}
                </a>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
