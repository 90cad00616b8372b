import { CircleExclamationPointIcon } from "lucide-react";
import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from "react";
import { cn } from "./cn";
import { Label } from "./label";

/** Props Field wires onto its control. */
export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

export interface FieldProps {
  label: ReactNode;
  /**
   * Either a single control element (Input, Select, Textarea…), which gets
   * `id`, `aria-describedby` and `aria-invalid` merged in, or a render
   * function receiving those props.
   */
  children: ReactElement | ((control: FieldControlProps) => ReactNode);
  /** Control id. Defaults to the child's own `id`, else a generated one. */
  id?: string;
  hint?: ReactNode;
  /** Error message; rendered with role="alert" and marks the control invalid. */
  error?: ReactNode;
  required?: boolean;
  optional?: boolean;
  className?: string;
}

type ControlElementProps = Partial<FieldControlProps> & { "aria-describedby"?: string };

export function Field({ label, children, id, hint, error, required, optional, className }: FieldProps) {
  const generatedId = useId();
  const child = typeof children === "function" ? null : isValidElement<ControlElementProps>(children) ? children : null;
  const controlId = id ?? child?.props.id ?? generatedId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const hasError = Boolean(error);

  const describedBy = [child?.props["aria-describedby"], hintId, errorId].filter(Boolean).join(" ") || undefined;
  const controlProps: FieldControlProps = {
    id: controlId,
    "aria-describedby": describedBy,
    ...(hasError ? { "aria-invalid": true as const } : {}),
  };

  return (
    <div className={cn("grid gap-1.5", className)}>
      <Label htmlFor={controlId} required={required} optional={optional}>
        {label}
      </Label>
      {typeof children === "function" ? children(controlProps) : child ? cloneElement(child, controlProps) : children}
      {hint && (
        <p id={hintId} className="text-xs leading-relaxed text-zinc-500">
          {hint}
        </p>
      )}
      {error && (
        <p
          id={errorId}
          role="alert"
          className="flex items-start gap-1.5 text-xs font-medium text-red-600 dark:text-red-400"
        >
          <CircleExclamationPointIcon className="mt-px size-3.5" strokeWidth={2} />
          <span>{error}</span>
        </p>
      )}
    </div>
  );
}
