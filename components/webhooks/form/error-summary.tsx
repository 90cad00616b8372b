import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { fieldLabel, type FormErrors } from "@/components/webhooks/form/form-state";

/** Every problem at the top of the form, focused when it appears; each also shows at its field. */
export function ErrorSummary({ message, errors }: { message: string; errors: FormErrors }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: "center" });
  }, [message, errors]);
  const entries = Object.entries(errors);
  return (
    <Alert ref={ref} tabIndex={-1} tone="danger" title={message} className="outline-none">
      {entries.length > 0 ? (
        <ul className="list-disc pl-4">
          {entries.map(([field, text]) => (
            <li key={field}>
              <span className="font-medium">{fieldLabel(field)}:</span> {text}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
