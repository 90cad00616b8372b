import { MethodBadge } from "@/components/api-reference/method-badge";
import { tagAnchor, type TagGroup } from "@/components/api-reference/operations";

/** Tags and their operations, as in-page links. */
export function ApiSidebar({ groups }: { groups: TagGroup[] }) {
  return (
    <nav aria-label="API reference" className="grid gap-5 text-sm">
      <a href="#introduction" className="font-medium text-zinc-900 hover:text-accent-700">
        Introduction
      </a>
      {groups.map((group) => (
        <div key={group.name} className="grid grid-cols-1 gap-1.5">
          <a href={`#${tagAnchor(group.name)}`} className="font-medium text-zinc-900 hover:text-accent-700">
            {group.name}
          </a>
          <ul className="grid gap-1 border-l border-zinc-200 pl-3">
            {group.operations.map((operation) => (
              <li key={operation.operationId}>
                <a
                  href={`#${operation.operationId}`}
                  className="flex items-center gap-2 text-zinc-600 hover:text-zinc-900"
                >
                  <MethodBadge method={operation.method} className="w-14 shrink-0 px-1 text-[10px]" />
                  <span className="truncate">{operation.summary}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
