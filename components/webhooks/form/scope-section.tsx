import { useController, useWatch } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { Select } from "@/components/ui/select";
import { FormField, useWebhookForm } from "@/components/webhooks/form/form-context";
import { FormSection } from "@/components/webhooks/form/form-section";
import { fieldId, type WebhookFormValues } from "@/components/webhooks/form/form-schema";
import type { Portfolio } from "@/lib/portfolios/queries";
import type { Project } from "@/lib/projects/queries";
import { hubScopeNames, productScopeName } from "@/lib/webhooks/scope-names";

function toggle(list: readonly string[], value: string, on: boolean): string[] {
  return on ? [...list, value] : list.filter((item) => item !== value);
}

export function ScopeSection({
  projects,
  portfolios = [],
}: {
  projects: readonly Project[];
  portfolios?: readonly Portfolio[];
}) {
  const { error } = useWebhookForm();
  const [format, portfolioId] = useWatch<WebhookFormValues, ["format", "portfolioId"]>({
    name: ["format", "portfolioId"],
  });
  const { field: scope } = useController<WebhookFormValues, "scope">({ name: "scope" });
  const { field: projectIds } = useController<WebhookFormValues, "projectIds">({ name: "projectIds" });
  // SecurityScorecard names its rule scopes itself (seed 001); its names appear beside the hub's.
  const productName = (kind: "project" | "all" | "selected") => productScopeName(format, kind);
  const orgNames = [productName("all"), productName("selected")].filter(Boolean).join(" / ");
  const radio = (value: "org" | "project", label: string, description: string, product: string | null) => (
    <label className="flex cursor-pointer items-start gap-2.5">
      <input
        type="radio"
        name={scope.name}
        id={value === "org" ? fieldId("scope") : undefined}
        value={value}
        checked={scope.value === value}
        onChange={() => scope.onChange(value)}
        onBlur={scope.onBlur}
        className="mt-0.5 size-4 accent-accent-600"
      />
      <span className="grid grid-cols-1 gap-0.5">
        <span className="text-sm font-medium text-zinc-800">
          {label}
          {product ? (
            <span className="ml-2 text-xs font-normal text-zinc-500">SecurityScorecard: {product}</span>
          ) : null}
        </span>
        <span className="text-xs text-zinc-500">{description}</span>
      </span>
    </label>
  );

  return (
    <FormSection id="scope" title="Scope" description="Which projects' events this webhook receives.">
      <fieldset className="grid grid-cols-1 gap-3">
        <legend className="sr-only">Scope</legend>
        {radio(
          "org",
          `${hubScopeNames.all} or ${hubScopeNames.selected.toLowerCase()}`,
          "An org-level webhook. Leave every project unchecked to receive all of them, including projects created later.",
          orgNames || null,
        )}
        {radio(
          "project",
          hubScopeNames.project,
          "A project-level webhook; SonarQube sends the project key in X-SonarQube-Project.",
          productName("project"),
        )}
      </fieldset>
      {scope.value === "org" && portfolios.length > 0 ? (
        <FormField
          name="portfolioId"
          label="Portfolio"
          optional
          hint={`A saved selection of projects; the webhook follows it as projects are added.${productName("selected") ? ` SecurityScorecard: ${productName("selected")}.` : ""}`}
        >
          {(field) => (
            <Select {...field}>
              <option value="">No portfolio: choose projects below</option>
              {portfolios.map((portfolio) => (
                <option key={portfolio.id} value={portfolio.id}>
                  {portfolio.name} ({portfolio.projectIds.length}{" "}
                  {portfolio.projectIds.length === 1 ? "project" : "projects"})
                </option>
              ))}
            </Select>
          )}
        </FormField>
      ) : null}
      {scope.value === "org" && !portfolioId ? (
        <fieldset
          id={fieldId("projectIds")}
          tabIndex={-1}
          className="grid gap-2 rounded-card-inner border border-zinc-200 p-3"
          aria-describedby={error("projectIds") ? "scope-projects-error" : undefined}
        >
          <legend className="px-1 text-xs font-medium text-zinc-600">Projects</legend>
          {projects.length === 0 ? (
            <p className="text-sm text-zinc-500">
              No projects yet: the webhook will receive every project&apos;s events.
            </p>
          ) : null}
          {projects.map((project) => (
            <Checkbox
              key={project.id}
              label={<span className="font-mono text-xs">{project.key}</span>}
              description={project.name}
              checked={projectIds.value.includes(project.id)}
              onChange={(event) => projectIds.onChange(toggle(projectIds.value, project.id, event.target.checked))}
            />
          ))}
          {error("projectIds") ? (
            <p id="scope-projects-error" role="alert" className="text-xs font-medium text-red-600 dark:text-red-400">
              {error("projectIds")}
            </p>
          ) : null}
        </fieldset>
      ) : scope.value === "project" ? (
        <FormField name="projectId" label="Project" required>
          {(field) => (
            <Select {...field} required>
              <option value="">Choose a project…</option>
              {projects.map((project) => (
                <option key={project.id} value={project.id}>
                  {project.key} — {project.name}
                </option>
              ))}
            </Select>
          )}
        </FormField>
      ) : null}
      {scope.value === "org" && error("projectId") ? (
        <p role="alert" className="text-xs font-medium text-red-600 dark:text-red-400">
          {error("projectId")}
        </p>
      ) : null}
    </FormSection>
  );
}
