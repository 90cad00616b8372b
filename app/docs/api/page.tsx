import type { Metadata } from "next";
import { ApiReference } from "@/components/api-reference/api-reference";
import { openApiDocument } from "@/lib/openapi/document";

export const metadata: Metadata = {
  title: "API reference",
  description: "The Webhook Hub REST API, generated from the schemas the API validates with.",
};

// Public: the document describes the API, not any organization's data.
export default function ApiReferencePage() {
  return <ApiReference document={openApiDocument()} />;
}
