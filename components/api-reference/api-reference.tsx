import { ExternalLinkIcon } from "lucide-react";
import { ApiSidebar } from "@/components/api-reference/api-sidebar";
import { Prose } from "@/components/api-reference/inline-text";
import { OperationSection } from "@/components/api-reference/operation-section";
import { groupByTag, tagAnchor } from "@/components/api-reference/operations";
import { Logo } from "@/components/shell/logo";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { OpenApiDocument } from "@/lib/openapi/types";

export const openApiHref = "/api/v1/openapi.json";

/** A readable rendering of the OpenAPI document: everything on the page comes from it. */
export function ApiReference({ document }: { document: OpenApiDocument }) {
  const groups = groupByTag(document);
  return (
    <div className="min-h-screen bg-zinc-50">
      <div className="border-b border-zinc-200 bg-surface">
        <div className="mx-auto flex h-14 max-w-7xl items-center justify-between px-6">
          <Logo />
          <a href={openApiHref} className={buttonClassName("secondary", "sm")}>
            OpenAPI JSON <ExternalLinkIcon />
          </a>
        </div>
      </div>
      <div className="mx-auto flex max-w-7xl gap-10 px-6 py-10">
        <aside className="hidden w-64 shrink-0 lg:block">
          <div className="sticky top-6 max-h-[calc(100vh-3rem)] overflow-y-auto pr-2">
            <ApiSidebar groups={groups} />
          </div>
        </aside>
        <main className="min-w-0 flex-1">
          <PageHeader
            id="introduction"
            className="scroll-mt-6"
            title={document.info.title}
            description={`OpenAPI ${document.openapi} · version ${document.info.version}`}
            actions={<Badge tone="accent">{Object.keys(document.paths).length} paths</Badge>}
          />
          <Card className="mb-10">
            <CardContent>
              <Prose text={document.info.description} className="grid gap-1 text-sm leading-6 text-zinc-700" />
              <p className="mt-3 text-sm text-zinc-700">
                The machine-readable document is at{" "}
                <a href={openApiHref} className="font-mono text-accent-700 hover:underline">
                  {openApiHref}
                </a>
                ; import it into Postman, Insomnia or a client generator.
              </p>
            </CardContent>
          </Card>
          <div className="grid grid-cols-1 gap-12">
            {groups.map((group) => (
              <section
                key={group.name}
                id={tagAnchor(group.name)}
                aria-labelledby={`${tagAnchor(group.name)}-title`}
                className="scroll-mt-6"
              >
                <h2
                  id={`${tagAnchor(group.name)}-title`}
                  className="text-xl font-semibold tracking-tight text-zinc-900"
                >
                  {group.name}
                </h2>
                <p className="mt-1 mb-5 text-sm text-zinc-500">{group.description}</p>
                <div className="grid grid-cols-1 gap-6">
                  {group.operations.map((operation) => (
                    <OperationSection key={operation.operationId} document={document} operation={operation} />
                  ))}
                </div>
              </section>
            ))}
          </div>
        </main>
      </div>
    </div>
  );
}
