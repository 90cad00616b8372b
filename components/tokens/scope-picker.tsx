import { Checkbox } from "@/components/ui/checkbox";
import { tokenScopes, type TokenScope } from "@/lib/auth/permissions";

type Access = "read" | "write";

const parts = (scope: TokenScope) => scope.split(":") as [resource: string, access: Access];
const resources = [...new Set(tokenScopes.map((scope) => parts(scope)[0]))];
const accessDescriptions: Record<Access, string> = {
  read: "View and list",
  write: "Create, change and delete; includes read",
};

/** Scope checkboxes grouped by resource; each checkbox is named by its scope, e.g. "projects:read". */
export function ScopePicker({
  selected,
  onChange,
}: {
  selected: ReadonlySet<TokenScope>;
  onChange: (scopes: Set<TokenScope>) => void;
}) {
  function toggle(scope: TokenScope, checked: boolean) {
    const next = new Set(selected);
    if (checked) next.add(scope);
    else next.delete(scope);
    onChange(next);
  }

  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {resources.map((resource) => (
        <fieldset key={resource} className="grid gap-2.5 rounded-card-inner border border-zinc-200 px-3.5 pt-1 pb-3">
          <legend className="px-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">{resource}</legend>
          {tokenScopes
            .filter((scope) => parts(scope)[0] === resource)
            .map((scope) => (
              <Checkbox
                key={scope}
                name="scopes"
                value={scope}
                checked={selected.has(scope)}
                onChange={(event) => toggle(scope, event.currentTarget.checked)}
                label={<span className="font-mono text-[13px]">{scope}</span>}
                description={accessDescriptions[parts(scope)[1]]}
              />
            ))}
        </fieldset>
      ))}
    </div>
  );
}
