/** A form's own error (not a field's), announced to screen readers; nothing when there is none. */
export function FormError({ message }: { message?: string | null }) {
  return message ? (
    <p role="alert" className="text-sm text-red-600 dark:text-red-400">
      {message}
    </p>
  ) : null;
}
