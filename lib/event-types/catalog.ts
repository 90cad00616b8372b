/**
 * The built-in trigger catalog: every event named in the five seed documents, plus `test`.
 * Each organization gets its own copy (EventType rows) so it can add triggers of its own.
 */

export interface CatalogEntry {
  name: string;
  source: "hub" | "codescoring" | "scorecard" | "deepsource" | "sonarqube" | "dejacode";
  description: string;
  examplePayload: Record<string, unknown>;
}

const projectRef = { project_id: 42, project_name: "payments-service" };

// CodeScoring's triggers, in the order of its documentation. The seed gives one payload shape
// (project id and name); the analysis events carry it, the policy events name the policy too.
const codescoringTriggers: Array<[string, string]> = [
  ["sca_policy_has_been_triggered", "SCA Policy has been triggered"],
  ["osa_policy_has_been_triggered", "OSA Policy has been triggered"],
  ["project_sca_analysis_started", "Project SCA analysis started"],
  ["project_sca_analysis_finished", "Project SCA analysis finished"],
  ["project_sca_analysis_cancelled", "Project SCA analysis cancelled"],
  ["project_sca_analysis_failed", "Project SCA analysis failed"],
  ["container_image_sca_analysis_started", "Container Image SCA analysis started"],
  ["container_image_sca_analysis_finished", "Container Image SCA analysis finished"],
  ["container_image_sca_analysis_cancelled", "Container Image SCA analysis cancelled"],
  ["container_image_sca_analysis_failed", "Container Image SCA analysis failed"],
  ["clones_analysis_started", "Clone analysis started"],
  ["clones_analysis_finished", "Clone analysis finished"],
  ["clones_analysis_cancelled", "Clone analysis cancelled"],
  ["clones_analysis_failed", "Clone analysis failed"],
  ["authors_analysis_started", "Authors analysis started"],
  ["authors_analysis_finished", "Authors analysis finished"],
  ["authors_analysis_failed", "Authors analysis failed"],
  ["authors_analysis_cancelled", "Authors analysis cancelled"],
  ["cloning_of_repository_started", "Cloning of repository started"],
  ["cloning_of_repository_finished", "Cloning of repository finished"],
  ["cloning_of_repository_failed", "Cloning of repository failed"],
];

export const builtInCatalog: CatalogEntry[] = [
  {
    name: "test",
    source: "hub",
    description: 'Sent by "Test it" and to activate a new endpoint. The payload is empty.',
    examplePayload: {},
  },
  ...codescoringTriggers.map(([name, description]): CatalogEntry => ({
    name,
    source: "codescoring",
    description,
    examplePayload: name.endsWith("_policy_has_been_triggered")
      ? { ...projectRef, policy_name: "No critical vulnerabilities" }
      : projectRef,
  })),
  {
    name: "scorecard.score_changed",
    source: "scorecard",
    description: "A scorecard's overall score changed (SecurityScorecard rule trigger).",
    examplePayload: { scorecard_id: "sc_12345", domain: "example.com", previous_score: 88, score: 81 },
  },
  {
    name: "scorecard.factor_score_changed",
    source: "scorecard",
    description: "A factor score of a scorecard changed (SecurityScorecard rule trigger).",
    examplePayload: {
      scorecard_id: "sc_12345",
      domain: "example.com",
      factor: "patching_cadence",
      previous_score: 90,
      score: 72,
    },
  },
  {
    name: "scorecard.new_issue_detected",
    source: "scorecard",
    description: "A new issue was detected on a scorecard (SecurityScorecard rule trigger).",
    examplePayload: {
      scorecard_id: "sc_12345",
      domain: "example.com",
      issue_type: "tls_weak_cipher",
      severity: "medium",
    },
  },
  {
    name: "analysis_run.updated",
    source: "deepsource",
    description: "An analysis run changed state; data.object is the AnalysisRun (DeepSource).",
    examplePayload: {
      id: "run_8f2a",
      status: "SUCCESS",
      repository: "acme/payments",
      commitOid: "c739069e",
      issuesRaised: 3,
    },
  },
  {
    name: "analysis.completed",
    source: "sonarqube",
    description: "A project analysis completed; the Quality Gate result is in the payload (SonarQube).",
    examplePayload: {
      serverUrl: "http://localhost:9000",
      taskId: "AVh21JS2JepAEhwQ-b3u",
      status: "SUCCESS",
      analysedAt: "2016-11-18T10:46:28+0100",
      revision: "c739069ec7105e01303e8b3065a81141aad9f129",
      qualityGate: { name: "SonarQube way", status: "OK", conditions: [] },
    },
  },
  {
    name: "request.added",
    source: "dejacode",
    description: "A new request is created (DejaCode).",
    examplePayload: {
      uuid: "fbc77986-06ff-4dbb-81c3-95cd36dbed66",
      title: "New vulnerability detected",
      status: "open",
      priority: "Urgent",
    },
  },
  {
    name: "request.updated",
    source: "dejacode",
    description: "An existing request is modified (DejaCode).",
    examplePayload: {
      uuid: "fbc77986-06ff-4dbb-81c3-95cd36dbed66",
      title: "New vulnerability detected",
      status: "closed",
    },
  },
  {
    name: "request_comment.added",
    source: "dejacode",
    description: "A comment is added to a request (DejaCode).",
    examplePayload: { request_uuid: "fbc77986-06ff-4dbb-81c3-95cd36dbed66", text: "Fixed in 2.4.1", user: "username" },
  },
  {
    name: "vulnerability.data_update",
    source: "dejacode",
    description: "Vulnerability data is updated (DejaCode).",
    examplePayload: { vulnerability_id: "VCID-1a2b-3c4d", affected_packages: 3 },
  },
];
